//! Record what became of parts issued to a ticket.
use aftersales_api_types::ticket_parts::{RecordPartOutcome, TicketPartChange};
use aftersales_domain::access::{Permission, allowed};
use aftersales_domain::stock::ticket_parts::{Outcome, OutcomeError, TicketPart};
use aftersales_persistence::defective_parts::{self, NewDefectivePart};
use aftersales_persistence::tickets::parts as lines;
use aftersales_persistence::tickets::{Ticket, events};
use aftersales_persistence::{ConnectionTrait, DatabaseConnection, StoreError, parts, settings, stock, warehouses};
use chrono::Duration;
use uuid::Uuid;

use super::{Done, begin, finish, move_for_ticket, payer, timeline_entries};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::use_cases::defective_parts::defective_out;
use crate::use_cases::stock::{movable_warehouse, movement_out};
use crate::use_cases::{Actor, Once};

/// Each count adds to what is recorded (the line's rule, `TicketPart::record`).
/// Parts returned unused go back on the shelf they came from (a `return_unused`
/// ledger row); each old part taken out of the unit is owed back by the ticket's
/// technician within `defective_return_days`. A technician records on their own
/// tickets; the office on any.
pub async fn record_outcome(
    db: &DatabaseConnection,
    actor: &Actor,
    ticket_id: Uuid,
    body: RecordPartOutcome,
) -> Result<Once<TicketPartChange>, ApiError> {
    let me = &actor.me;
    me.require(Permission::WorkTickets)?;
    let (work, ticket) = match begin(db, actor, &body, ticket_id).await? {
        Ok(begun) => begun,
        Err(replayed) => return Ok(replayed),
    };
    may_record(me, &ticket)?;
    let now = work.now();
    let before = issued_line(work.db(), &ticket, &body).await?;
    let part = parts::find(work.db(), before.part_id.uuid()).await?;
    let outcome = Outcome { used: body.used, returned_unused: body.returned_unused, defective: body.defective };
    let change = before.record(outcome).map_err(outcome_refused)?;
    let warehouse = warehouses::find(work.db(), before.warehouse_id.uuid()).await?;
    if !change.movements.is_empty() {
        // Back on the shelf it came from, which must still take stock.
        movable_warehouse(work.db(), me, warehouse.id, "warehouse_id").await?;
    }
    let (rows, moved) = move_for_ticket(&work, &ticket, &before, None, &change.movements).await?;
    let balance = match moved {
        Some(balance) => balance,
        None => stock::balances(work.db(), warehouse.id, Some(part.id))
            .await?
            .first()
            .map(|l| l.balance)
            .unwrap_or_default(),
    };
    let mut said = timeline_entries(&change, &part, &warehouse.code);
    let mut owed = Vec::new();
    if change.old_parts_owed > 0 {
        let days = settings::tickets(work.db()).await?.defective_return_days;
        let new = NewDefectivePart {
            ticket_id: ticket.id.uuid(),
            ticket_part_id: before.id.uuid(),
            part_id: part.id,
            technician_id: ticket.technician_id.unwrap_or(me.user_id.into()).uuid(),
            branch_id: ticket.branch_id.uuid(),
            quantity: change.old_parts_owed,
            due_at: now + Duration::days(i64::from(days)),
            created_by: Some(me.user_id),
        };
        let row = defective_parts::insert(work.db(), new, now).await?;
        let due = row.due_at.date_naive();
        let note = format!("{} × old {} owed back by {due}", row.quantity, part.sku);
        said.push((events::DEFECTIVE_RECORDED, note));
        owed.push(defective_out(work.db(), &row, now).await?);
    }
    let after = TicketPart { charge_to: payer(&ticket, &part), ..change.line };
    let done = Done {
        action: "ticket.parts_outcome",
        before,
        after,
        part,
        balance,
        movements: rows.iter().map(movement_out).collect(),
        defective_parts: owed,
        events: said,
    };
    finish(work, &ticket, done).await
}

/// A technician records on their own tickets; the office (who takes tickets in)
/// on any.
fn may_record(me: &Principal, ticket: &Ticket) -> Result<(), ApiError> {
    if ticket.technician_id == Some(me.user_id.into()) || allowed(&me.roles, Permission::ManageTickets) {
        Ok(())
    } else {
        Err(ApiError::Forbidden("a technician records the parts of their own tickets"))
    }
}

/// The locked line the parts were issued on: the one of `warehouse_id` or, when
/// absent, the only line of the part (422 naming the field otherwise).
async fn issued_line(
    db: &impl ConnectionTrait,
    ticket: &Ticket,
    body: &RecordPartOutcome,
) -> Result<TicketPart, ApiError> {
    let found = lines::of_part(db, ticket.id.uuid(), body.part_id).await?;
    let found: Vec<_> =
        found.into_iter().filter(|l| body.warehouse_id.is_none_or(|w| l.warehouse_id == w.into())).collect();
    let line = match found.as_slice() {
        [line] => line,
        [] if body.warehouse_id.is_some() => {
            return Err(ApiError::field("warehouse_id", "not_issued", "the part was not issued from this warehouse"));
        }
        [] => return Err(ApiError::field("part_id", "not_issued", "the part was not issued to this ticket")),
        _ => {
            return Err(ApiError::field(
                "warehouse_id",
                "required",
                "the part was issued from more than one warehouse: say which",
            ));
        }
    };
    match lines::lock(db, line.id.uuid()).await {
        Err(StoreError::NotFound) => {
            Err(ApiError::field("part_id", "not_issued", "the part was not issued to this ticket"))
        }
        other => Ok(other?),
    }
}

fn outcome_refused(e: OutcomeError) -> ApiError {
    let code = match e {
        OutcomeError::Negative { .. } => "range",
        OutcomeError::Empty => "required",
        OutcomeError::MoreThanIssued { .. } => "more_than_issued",
        OutcomeError::MoreDefectiveThanUsed { .. } => "more_than_used",
    };
    ApiError::field(e.field(), code, e.to_string())
}
