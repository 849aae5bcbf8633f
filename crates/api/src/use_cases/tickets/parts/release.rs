//! Give back parts promised to a ticket.
use aftersales_api_types::ticket_parts::{TicketPartChange, TicketPartQuantity};
use aftersales_domain::access::Permission;
use aftersales_domain::stock::ledger::StockError;
use aftersales_persistence::DatabaseConnection;
use uuid::Uuid;

use super::{Done, begin, finish, line_to_move, timeline_entries};
use crate::error::ApiError;
use crate::use_cases::stock::{ledger, refused};
use crate::use_cases::{Actor, Once};

/// The units become available to others again; no more than the ticket has
/// reserved at the warehouse (409 saying how many it has). Who may: as for
/// reserving.
pub async fn release(
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
    let change = before.release(body.quantity).map_err(|refusal| match refusal {
        // The ticket's own promise at this warehouse, not the shelf's.
        StockError::NotReserved { reserved, requested } => ApiError::conflict_at(
            "quantity",
            "not_reserved",
            format!("{reserved} reserved"),
            format!("only {reserved} reserved for this ticket at {}, {requested} requested", warehouse.code),
        ),
        other => refused(other),
    })?;
    let balance =
        ledger::release(work.db(), warehouse.id, part.id, body.quantity, work.now()).await?.map_err(refused)?;
    let done = Done {
        action: "ticket.parts_release",
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
