//! Promise parts on a warehouse's shelf to a ticket.
use aftersales_api_types::ticket_parts::{TicketPartChange, TicketPartQuantity};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use uuid::Uuid;

use super::{Done, begin, finish, line_to_move, timeline_entries};
use crate::error::ApiError;
use crate::use_cases::stock::{ledger, refused};
use crate::use_cases::{Actor, Once};

/// The units stay on hand but no one else can take them: no more than are
/// available (on hand and not promised). The warehouse's keepers and managers
/// reserve from any warehouse of their part of the network, a technician only
/// from their own van for their own ticket.
pub async fn reserve(
    db: &DatabaseConnection,
    actor: &Actor,
    ticket_id: Uuid,
    body: TicketPartQuantity,
) -> Result<Once<TicketPartChange>, ApiError> {
    actor.me.require(Permission::ViewTickets)?;
    let (work, ticket) = match begin(db, actor, &body, ticket_id).await? {
        Ok(begun) => begun,
        Err(replayed) => return Ok(replayed),
    };
    let (before, part, warehouse) = line_to_move(&work, &actor.me, &ticket, body.warehouse_id, body.part_id).await?;
    let balance =
        ledger::reserve(work.db(), warehouse.id, part.id, body.quantity, work.now()).await?.map_err(refused)?;
    let change = before.reserve(body.quantity).map_err(refused)?;
    let done = Done {
        action: "ticket.parts_reserve",
        events: timeline_entries(&change, &part, &warehouse.code),
        before,
        after: change.line,
        part,
        balance,
        movements: vec![],
        defective_parts: vec![],
    };
    finish(work, &ticket, done).await
}
