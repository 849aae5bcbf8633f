//! Old parts owed back by technicians (`/defective-parts`): the list, who owes
//! them past their due time, handing one in and scrapping one. Handing in and
//! scrapping move stock, so each submit carries a fresh `Idempotency-Key`.

use aftersales_api_types::Page;
use aftersales_api_types::defective_parts::{
    DefectivePartDto, DefectiveReceipt, DefectiveStatus, ReceiveDefectivePart, TechnicianArrearsDto,
};
use aftersales_api_types::rtv::{ScrapDefectivePart, ScrappedPart};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed, every_page};
use crate::pages::old_parts::filters::OldPartFilters;
use crate::query::wire;
use crate::session::Session;

/// `GET /defective-parts` with the page's filters (and `overdue` when the page
/// asks for one side of it): one page, the earliest due first.
pub async fn list(
    session: Session,
    filters: &OldPartFilters,
    overdue: Option<bool>,
    cursor: Option<String>,
) -> Result<Page<DefectivePartDto>, ApiError> {
    let call = Call::new(Method::GET, "/defective-parts")
        .query("status", filters.status.as_ref().map(wire))
        .query("technician_id", filters.technician_id.map(|t| t.to_string()))
        .query("overdue", overdue.map(|o| o.to_string()))
        .query("cursor", cursor);
    authed(session, call).await
}

/// Every old part handed in (to be packed for the manufacturer or scrapped).
pub async fn handed_in(session: Session) -> Result<Vec<DefectivePartDto>, ApiError> {
    every_page(session, "/defective-parts", &[("status", wire(&DefectiveStatus::Received))]).await
}

/// `GET /defective-parts/overdue-by-technician`: who owes parts past due, the
/// longest overdue first.
pub async fn overdue_by_technician(session: Session) -> Result<Vec<TechnicianArrearsDto>, ApiError> {
    authed(session, Call::new(Method::GET, "/defective-parts/overdue-by-technician")).await
}

/// `POST /defective-parts/{id}/receive`: the technician hands the old part in.
pub async fn receive(session: Session, id: Uuid, request: &ReceiveDefectivePart) -> Result<DefectiveReceipt, ApiError> {
    let call = Call::new(Method::POST, format!("/defective-parts/{id}/receive")).fresh_idempotency_key();
    authed(session, call.json(request)?).await
}

/// `POST /defective-parts/{id}/scrap`: a part handed in, not worth sending back.
pub async fn scrap(session: Session, id: Uuid, request: &ScrapDefectivePart) -> Result<ScrappedPart, ApiError> {
    let call = Call::new(Method::POST, format!("/defective-parts/{id}/scrap")).fresh_idempotency_key();
    authed(session, call.json(request)?).await
}
