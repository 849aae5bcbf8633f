//! Close a complaint as resolved (upheld and dealt with) or rejected (unfounded).
use actix_web::http::StatusCode;
use aftersales_api_types::followups::{ComplaintDto, ComplaintOutcome, ResolveComplaint};
use aftersales_domain::tickets::complaint::ComplaintStatus;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::{complaints, events};
use uuid::Uuid;

use super::complaint_out;
use crate::audit::{Change, snapshot};
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::{Actor, Begun, Once, Work};

/// `expected` is the complaint's version the client read (412 when stale); a
/// closed complaint answers 409. The ticket's timeline gains `complaint_resolved`.
pub async fn resolve(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: ResolveComplaint,
) -> Result<Once<ComplaintDto>, ApiError> {
    let status = match body.outcome {
        ComplaintOutcome::Resolved => ComplaintStatus::Resolved,
        ComplaintOutcome::Rejected => ComplaintStatus::Rejected,
    };
    let resolution = body.resolution.trim().to_owned();
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let before = complaints::find_in_scope(work.db(), &actor.me.scope, id).await.or_not_found("complaint")?;
    if before.status.is_closed() {
        return Err(ApiError::Conflict(format!("the complaint is already {}", before.status.as_str())));
    }
    let saved =
        complaints::resolve(work.db(), &before, expected, status, resolution.clone(), actor.user_id(), work.now())
            .await?;
    let event = events::NewEvent {
        field: Some("complaint"),
        from_value: Some(saved.id.to_string()),
        note: Some(format!("{}: {resolution}", status.as_str())),
        ..events::NewEvent::kind("complaint_resolved")
    };
    work.timeline(saved.ticket_id.into(), event).await?;
    let out = complaint_out(&saved);
    work.audit(Change {
        action: "complaint.resolve",
        entity: "complaint",
        entity_id: saved.id,
        branch_id: Some(saved.branch_id),
        before: snapshot(&complaint_out(&before)),
        after: snapshot(&out),
    })
    .await?;
    work.finish(StatusCode::OK, out).await
}
