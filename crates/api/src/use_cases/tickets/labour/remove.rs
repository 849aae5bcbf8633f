//! Remove a labour line recorded by mistake.
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::{events, labour};
use uuid::Uuid;

use super::{ENTITY, line_note, may_price_freely};
use crate::audit::{Change, snapshot};
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::access::{refuse_if_sealed, ticket_in_scope};
use crate::use_cases::tickets::work::labour_line_out;
use crate::use_cases::{Actor, Work};

/// Free lines are the office's to remove; appends `labour_removed` to the timeline.
pub async fn remove(db: &DatabaseConnection, actor: &Actor, ticket_id: Uuid, line_id: Uuid) -> Result<(), ApiError> {
    let work = Work::begin(db, actor).await?;
    let ticket = ticket_in_scope(work.db(), &actor.me, ticket_id).await?;
    let line = labour::find(work.db(), ticket.id.uuid(), line_id).await.or_not_found("labour line")?;
    refuse_if_sealed(&ticket)?;
    if line.service_item_id.is_none() {
        may_price_freely(&actor.me)?;
    }
    labour::delete(work.db(), line.id).await?;
    let event = events::NewEvent {
        field: Some("labour"),
        from_value: Some(line.code.clone()),
        note: Some(line_note(&line)),
        ..events::NewEvent::kind("labour_removed")
    };
    work.timeline(ticket.id, event).await?;
    work.audit(Change {
        action: "ticket.labour_remove",
        entity: ENTITY,
        entity_id: line.id,
        branch_id: Some(ticket.branch_id.uuid()),
        before: snapshot(&labour_line_out(&line)?),
        after: None,
    })
    .await?;
    work.commit().await
}
