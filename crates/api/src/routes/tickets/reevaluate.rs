use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::entitlement::Decision;
use aftersales_api_types::tickets::WarrantyReevaluation;
use aftersales_domain::regional::local_date;
use aftersales_persistence::tickets::{self, events};
use aftersales_persistence::{begin_write, branches};
use chrono::Utc;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, etag};
use crate::state::AppState;
use crate::use_cases::access::{refuse_if_sealed, ticket_in_scope};
use crate::use_cases::tickets::{ticket_out, warranty, wire_enum};

/// Decide the warranty again with the registry's facts as they are now (a sale
/// date corrected, a contract added) and store the new decision on the ticket,
/// answering both decisions and what changed between them.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/warranty/reevaluate", tag = "tickets", operation_id = "reevaluate_ticket_warranty",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    responses(
        (status = 200, description = "Both decisions and their differences", body = WarrantyReevaluation),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ticket has no registered unit, or is closed", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets/{id}/warranty/reevaluate")]
pub async fn reevaluate_ticket_warranty(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageTickets>,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
) -> Result<HttpResponse, ApiError> {
    let now = Utc::now();
    let txn = begin_write(&state.db).await?;
    let before = ticket_in_scope(&txn, &me, *id).await?;
    refuse_if_sealed(&before)?;
    let Some(serial_id) = before.serial_id else {
        return Err(ApiError::Conflict("the ticket has no registered unit to decide a warranty for".into()));
    };
    let branch = branches::find(&txn, before.branch_id).await?;
    let today = local_date(&branch.time_zone, now).unwrap_or_else(|| now.date_naive());
    let old: Option<Decision> = before.warranty_snapshot.clone().and_then(|v| serde_json::from_value(v).ok());
    let conditions = old.as_ref().map(|d| d.excluded_by.clone()).unwrap_or_default();
    let new = warranty::decide(&txn, serial_id, today, &conditions).await?;
    let differences = warranty::differences(old.as_ref(), &new);
    let mut t = before.clone();
    t.warranty_status = warranty::status_of(&new);
    t.warranty_snapshot = serde_json::to_value(&new).ok();
    t.warranty_evaluated_at = Some(now);
    let saved = tickets::save(&txn, before.version, expected, &t, now).await?;
    let event = events::NewEvent {
        kind: "warranty_reevaluated",
        field: Some("warranty_status"),
        from_value: Some(before.warranty_status.as_str().into()),
        to_value: Some(saved.warranty_status.as_str().into()),
        note: (!differences.is_empty()).then(|| differences.join("; ")),
    };
    events::append(&txn, saved.id, Some(me.user_id), now, event).await?;
    txn.commit().await?;
    let body = WarrantyReevaluation {
        before_status: wire_enum(before.warranty_status.as_str())?,
        before: old,
        after_status: wire_enum(saved.warranty_status.as_str())?,
        after: new,
        differences,
        ticket: ticket_out(&saved)?,
    };
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(saved.version))).json(body))
}
