//! Issue parts from a warehouse, for a ticket or not, at the moving-average cost.
use aftersales_api_types::stock::{IssueStock, MovementResult};
use aftersales_domain::access::Permission;
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::{Movement, MovementMeta};
use aftersales_persistence::DatabaseConnection;

use super::{movable_part, movable_warehouse, record_movement};
use crate::error::ApiError;
use crate::use_cases::access::ticket_in_scope;
use crate::use_cases::{Actor, Begun, Once, Work};

/// Issues `quantity` units, for the ticket `ticket_id` names (in the caller's
/// part of the network, 422 otherwise). Stock never goes negative: more than is
/// available is refused with 409 saying how many are. A retry under the same key
/// gets the first answer.
pub async fn issue(db: &DatabaseConnection, actor: &Actor, body: IssueStock) -> Result<Once<MovementResult>, ApiError> {
    let me = &actor.me;
    me.require(Permission::MoveStock)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    movable_warehouse(work.db(), me, body.warehouse_id, "warehouse_id").await?;
    let part = movable_part(work.db(), body.part_id, "part_id").await?;
    if let Some(ticket_id) = body.ticket_id {
        ticket_in_scope(work.db(), me, ticket_id).await.map_err(|e| match e {
            ApiError::NotFound(_) => {
                ApiError::field("ticket_id", "unknown_ticket", "no such ticket in your part of the network")
            }
            other => other,
        })?;
    }
    let movement = Movement {
        kind: MovementKind::IssueToTicket,
        quantity: body.quantity,
        unit_cost_minor: None,
        from_reservation: false,
    };
    let meta = MovementMeta {
        actor_id: Some(me.user_id.into()),
        reason: body.reason,
        document_kind: body.ticket_id.map(|_| "ticket".to_owned()),
        document_id: body.ticket_id,
        ticket_id: body.ticket_id.map(Into::into),
    };
    record_movement(work, "stock.issue", body.warehouse_id, part.id, movement, meta).await
}
