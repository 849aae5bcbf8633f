//! The QR code of a ticket's public tracking link.
use actix_web::web;
use aftersales_persistence::DatabaseConnection;
use uuid::Uuid;

use crate::auth::Principal;
use crate::config::Config;
use crate::error::ApiError;
use crate::use_cases::access::ticket_in_scope;
use crate::use_cases::tickets::qr;

/// The link's QR code as an SVG document.
pub async fn svg(db: &DatabaseConnection, me: &Principal, config: &Config, id: Uuid) -> Result<String, ApiError> {
    let ticket = ticket_in_scope(db, me, id).await?;
    qr::svg(&qr::tracking_url(config, &ticket.tracking_code))
}

/// The link's QR code as a PNG image, drawn off the async workers.
pub async fn png(db: &DatabaseConnection, me: &Principal, config: &Config, id: Uuid) -> Result<Vec<u8>, ApiError> {
    let ticket = ticket_in_scope(db, me, id).await?;
    let url = qr::tracking_url(config, &ticket.tracking_code);
    web::block(move || qr::png(&url)).await.map_err(|e| ApiError::Internal(anyhow::anyhow!("{e}")))?
}
