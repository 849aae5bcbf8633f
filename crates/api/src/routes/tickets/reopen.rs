use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::tickets::{ReopenRequest, TicketDto};
use aftersales_domain::tickets::StageCategory;
use aftersales_persistence::tickets::{self, events};
use aftersales_persistence::{begin_write, workflows};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::access::ticket_in_scope;
use crate::use_cases::tickets::ticket_out;

/// Reopen a closed ticket (admins only), saying why.
///
/// The ticket goes back to `stage`, or to the stage it was in before it was closed.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/reopen", tag = "tickets", operation_id = "reopen_ticket",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = ReopenRequest,
    responses(
        (status = 200, description = "Reopened", body = TicketDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ticket is not closed", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ticket changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets/{id}/reopen")]
pub async fn reopen_ticket(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ReopenTickets>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<ReopenRequest>,
) -> Result<HttpResponse, ApiError> {
    let now = Utc::now();
    let txn = begin_write(&state.db).await?;
    let before = ticket_in_scope(&txn, &me, *id).await?;
    if !before.is_sealed() {
        return Err(ApiError::Conflict(format!("ticket {} is not closed", before.number)));
    }
    let workflow = workflows::get(&txn, before.kind).await?.workflow;
    let stage_code = match body.stage {
        Some(code) => code.trim().to_owned(),
        None => events::stage_changes(&txn, before.id)
            .await?
            .iter()
            .rev()
            .find(|e| e.to_value.as_deref() == Some(before.stage.as_str()))
            .and_then(|e| e.from_value.clone())
            .ok_or_else(|| ApiError::field("stage", "required", "the stage before closing is unknown; name one"))?,
    };
    let stage = workflow.stage(&stage_code).filter(|s| s.category != StageCategory::Closed).ok_or_else(|| {
        ApiError::field("stage", "unknown_stage", format!("'{stage_code}' is not an open stage of this workflow"))
    })?;
    let mut t = before.clone();
    t.stage = stage.code.clone();
    t.stage_category = stage.category;
    t.closed_at = None;
    let saved = tickets::save(&txn, before.version, expected, &t, now).await?;
    let event = events::NewEvent {
        kind: "reopened",
        field: Some("stage"),
        from_value: Some(before.stage.clone()),
        to_value: Some(saved.stage.clone()),
        note: Some(body.reason.trim().to_owned()),
    };
    events::append(&txn, saved.id, Some(me.user_id), now, event).await?;
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "ticket.reopen",
            entity: "ticket",
            entity_id: saved.id,
            branch_id: Some(saved.branch_id),
            before: snapshot(&serde_json::json!({"stage": before.stage})),
            after: snapshot(&serde_json::json!({"stage": saved.stage, "reason": body.reason.trim()})),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(saved.version))).json(ticket_out(&saved)?))
}
