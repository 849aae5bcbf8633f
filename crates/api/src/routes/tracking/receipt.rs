use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::tracking::LangQuery;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::tracking::receipt::receipt;

/// The intake receipt to print and hand to the customer (HTML, A5 print layout).
///
/// The customer's own copy: branch, ticket number and date, kind, the customer's
/// name and phones, the unit's model and serial, the reported fault, accessories
/// and condition taken in, the warranty decision with its reasons, the tracking
/// code with its QR code, and lines to sign. Fixed words in `lang` (Persian right
/// to left); stored text is shown as typed, escaped.
#[utoipa::path(
    get, path = "/api/v1/tickets/{id}/receipt", tag = "tickets", operation_id = "ticket_receipt",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id"), LangQuery),
    responses(
        (status = 200, description = "A print-ready HTML page", content_type = "text/html", body = String),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/tickets/{id}/receipt")]
pub async fn ticket_receipt(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    id: web::Path<Uuid>,
    ValidatedQuery(query): ValidatedQuery<LangQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = receipt(&state.db, &me, &state.config, *id, query).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
        ))
        .body(page))
}
