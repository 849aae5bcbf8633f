use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::entitlement::Decision;
use aftersales_api_types::tracking::LangQuery;
use aftersales_domain::regional::local_date;
use aftersales_domain::tickets::tracking::display_code;
use aftersales_persistence::catalogue::models;
use aftersales_persistence::{branches, customers, serials};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::access::ticket_in_scope;
use crate::use_cases::tickets::qr;
use crate::use_cases::tickets::receipt::{Receipt, render};

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
    let t = ticket_in_scope(&state.db, &me, *id).await?;
    let branch = branches::find(&state.db, t.branch_id).await?;
    let customer = customers::find(&state.db, t.customer_id).await?;
    let serial = match t.serial_id {
        Some(id) => Some(serials::find(&state.db, id).await?.serial),
        None => None,
    };
    let model = match t.model_id {
        Some(id) => models::find(&state.db, id).await.ok().map(|m| format!("{} — {}", m.sku, m.name)),
        None => None,
    };
    let warranty = t.warranty_snapshot.clone().and_then(|v| serde_json::from_value::<Decision>(v).ok());
    let url = qr::tracking_url(&state.config, &t.tracking_code);
    let receipt = Receipt {
        lang: query.lang.unwrap_or_default(),
        branch_name: branch.name,
        branch_code: branch.code,
        number: t.number,
        received_on: local_date(&branch.time_zone, t.created_at).unwrap_or_else(|| t.created_at.date_naive()),
        kind: t.kind,
        customer_name: customer.name,
        customer_phones: customer.phones.into_iter().map(|p| p.number).collect(),
        model,
        serial,
        fault_codes: t.fault_codes,
        fault_description: t.fault_description,
        accessories: t.accessories,
        condition_notes: t.condition_notes,
        warranty_status: t.warranty_status,
        warranty,
        expected_on: t.expected_on,
        tracking_code: display_code(&t.tracking_code),
        qr_svg: qr::svg_element(&url)?,
        tracking_url: url,
    };
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
        ))
        .body(render(&receipt)))
}
