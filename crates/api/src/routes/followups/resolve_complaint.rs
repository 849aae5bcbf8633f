use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::followups::{ComplaintDto, ComplaintOutcome, ResolveComplaint};
use aftersales_domain::tickets::complaint::ComplaintStatus;
use aftersales_persistence::begin_write;
use aftersales_persistence::tickets::{complaints, events};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::followups::complaint_out;

/// Close a complaint as `resolved` (upheld and dealt with) or `rejected` (unfounded).
///
/// Send `If-Match` with the complaint's `ETag`: a complaint changed meanwhile
/// answers 412. A closed complaint answers 409. The ticket's timeline gains a
/// `complaint_resolved` event, closed ticket or not.
#[utoipa::path(
    post, path = "/api/v1/complaints/{id}/resolve", tag = "followups", operation_id = "resolve_complaint",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Complaint id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = ResolveComplaint,
    responses(
        (status = 200, description = "Closed", body = ComplaintDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such complaint in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The complaint is already closed", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The complaint changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/complaints/{id}/resolve")]
pub async fn resolve_complaint(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::HandleFollowUps>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<ResolveComplaint>,
) -> Result<HttpResponse, ApiError> {
    let now = Utc::now();
    let status = match body.outcome {
        ComplaintOutcome::Resolved => ComplaintStatus::Resolved,
        ComplaintOutcome::Rejected => ComplaintStatus::Rejected,
    };
    let resolution = body.resolution.trim().to_owned();
    let txn = begin_write(&state.db).await?;
    let before = complaints::find_in_scope(&txn, &me.scope, *id).await.or_not_found("complaint")?;
    if before.status.is_closed() {
        return Err(ApiError::Conflict(format!("the complaint is already {}", before.status.as_str())));
    }
    let saved = complaints::resolve(&txn, &before, expected, status, resolution.clone(), me.user_id, now).await?;
    let event = events::NewEvent {
        field: Some("complaint"),
        from_value: Some(saved.id.to_string()),
        note: Some(format!("{}: {resolution}", status.as_str())),
        ..events::NewEvent::kind("complaint_resolved")
    };
    events::append(&txn, saved.ticket_id, Some(me.user_id), now, event).await?;
    let out = complaint_out(&saved)?;
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "complaint.resolve",
            entity: "complaint",
            entity_id: saved.id,
            branch_id: Some(saved.branch_id),
            before: snapshot(&complaint_out(&before)?),
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(saved.version))).json(out))
}
