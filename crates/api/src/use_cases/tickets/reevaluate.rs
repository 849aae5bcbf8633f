//! Decide a ticket's warranty again with the registry's facts as they are now.
use actix_web::http::StatusCode;
use aftersales_api_types::tickets::WarrantyReevaluation;
use aftersales_domain::regional::local_date;
use aftersales_persistence::tickets::{self, events};
use aftersales_persistence::{DatabaseConnection, branches};
use uuid::Uuid;

use super::convert::ToWire;
use super::{ticket_out, warranty};
use crate::error::ApiError;
use crate::use_cases::access::{refuse_if_sealed, ticket_in_scope};
use crate::use_cases::{Actor, Begun, Once, Work};

/// Stores the new decision on the ticket and answers both decisions and what
/// changed between them (the claim conditions of the first decision still apply).
pub async fn reevaluate(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
) -> Result<Once<WarrantyReevaluation>, ApiError> {
    let work = match Work::begin_retryable(db, actor, &()).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let now = work.now();
    let before = ticket_in_scope(work.db(), &actor.me, id).await?;
    refuse_if_sealed(&before)?;
    let Some(serial_id) = before.serial_id else {
        return Err(ApiError::Conflict("the ticket has no registered unit to decide a warranty for".into()));
    };
    let branch = branches::find(work.db(), before.branch_id.uuid()).await?;
    let today = local_date(&branch.time_zone, now).unwrap_or_else(|| now.date_naive());
    let old = warranty::stored(before.warranty_snapshot.as_ref());
    let conditions = old.as_ref().map(|d| d.excluded_by.clone()).unwrap_or_default();
    let new = warranty::decide(work.db(), serial_id.uuid(), today, &conditions).await?;
    let differences = warranty::differences(old.as_ref(), &new);
    let mut t = before.clone();
    t.warranty_status = warranty::status_of(&new);
    t.warranty_snapshot = warranty::snapshot_of(&new);
    t.warranty_evaluated_at = Some(now);
    let saved = tickets::save(work.db(), before.version, expected, &t, now).await?;
    let event = events::NewEvent {
        kind: "warranty_reevaluated",
        field: Some("warranty_status"),
        from_value: Some(before.warranty_status.as_str().into()),
        to_value: Some(saved.warranty_status.as_str().into()),
        note: (!differences.is_empty()).then(|| differences.join("; ")),
    };
    work.timeline(saved.id, event).await?;
    work.finish(
        StatusCode::OK,
        WarrantyReevaluation {
            before_status: before.warranty_status.to_wire(),
            before: old,
            after_status: saved.warranty_status.to_wire(),
            after: new,
            differences,
            ticket: ticket_out(&saved)?,
        },
    )
    .await
}
