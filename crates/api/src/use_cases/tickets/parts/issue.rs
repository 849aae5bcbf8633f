//! Hand parts over for a ticket: the one place a part is issued to a ticket.
use aftersales_api_types::ticket_parts::{TicketPartChange, TicketPartQuantity};
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, stock};
use uuid::Uuid;

use super::{Done, begin, finish, line_to_move, move_for_ticket, timeline_entries};
use crate::error::ApiError;
use crate::use_cases::stock::{movement_out, refused};
use crate::use_cases::{Actor, Once};

/// At the warehouse's moving-average cost: first the units reserved for the
/// ticket there, then free stock (the line's rule, `TicketPart::issue`). Asking
/// for more than that answers 409 saying how many are available to the ticket,
/// and nothing moves. Who may: as for reserving.
pub async fn issue(
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
    let shelf = stock::locked_balance(work.db(), warehouse.id, part.id, work.now()).await?;
    let change = before.issue(body.quantity, shelf).map_err(refused)?;
    let (rows, balance) = move_for_ticket(&work, &ticket, &before, Some(shelf), &change.movements).await?;
    let done = Done {
        action: "ticket.parts_issue",
        events: timeline_entries(&change, &part, &warehouse.code),
        before,
        after: change.line,
        part,
        balance: balance.unwrap_or(shelf),
        movements: rows.iter().map(movement_out).collect(),
        defective_parts: vec![],
    };
    finish(work, &ticket, done).await
}
