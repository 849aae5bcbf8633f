//! Warranty cards (`/warranty-cards`): batches issued per brand, one card by its
//! number, activating it on a unit and voiding it.

use aftersales_api_types::warranty_cards::{ActivateCard, CardBatchDto, CardDto, IssueCardBatch, VoidCard};
use gloo_net::http::Method;

use super::{ApiError, Call, authed, every_page};
use crate::session::Session;

/// `GET /warranty-cards/batches`, every page, oldest first.
pub async fn batches(session: Session) -> Result<Vec<CardBatchDto>, ApiError> {
    every_page(session, "/warranty-cards/batches", &[]).await
}

/// `POST /warranty-cards/batches`: a new batch, numbered after the last of its prefix.
pub async fn issue_batch(session: Session, body: &IssueCardBatch) -> Result<CardBatchDto, ApiError> {
    authed(session, Call::new(Method::POST, "/warranty-cards/batches").json(body)?).await
}

fn card_path(number: &str, tail: &str) -> String {
    format!("/warranty-cards/{}{tail}", String::from(js_sys::encode_uri_component(number)))
}

/// `GET /warranty-cards/{number}`: 404 when no such card (or a wrong check digit).
pub async fn card(session: Session, number: &str) -> Result<CardDto, ApiError> {
    authed(session, Call::new(Method::GET, card_path(number, ""))).await
}

/// `POST /warranty-cards/{number}/activate`.
pub async fn activate(session: Session, number: &str, body: &ActivateCard) -> Result<CardDto, ApiError> {
    authed(session, Call::new(Method::POST, card_path(number, "/activate")).json(body)?).await
}

/// `POST /warranty-cards/{number}/void`.
pub async fn void(session: Session, number: &str, body: &VoidCard) -> Result<CardDto, ApiError> {
    authed(session, Call::new(Method::POST, card_path(number, "/void")).json(body)?).await
}
