//! The parts of a ticket: one use case per file, and what they share.
//!
//! The warehouse (or a manager) reserves parts for a ticket and issues them; a
//! technician issues only from their own van, for their own ticket. The technician
//! then records what became of them. How a line's counts change is the domain's
//! (`aftersales_domain::stock::ticket_parts::TicketPart`); a use case loads the
//! line, lets it decide, makes the stock movements it asks for, and saves the
//! line with its timeline events and audit entry in one retryable [`Work`].
pub mod issue;
pub mod list;
pub mod outcome;
pub mod release;
pub mod reserve;
pub mod wire;

use actix_web::http::StatusCode;
use aftersales_api_types::defective_parts::DefectivePartDto;
use aftersales_api_types::stock::MovementDto;
use aftersales_api_types::ticket_parts::TicketPartChange;
use aftersales_domain::access::{Permission, allowed};
use aftersales_domain::stock::charging::{ChargeTo, charge_to};
use aftersales_domain::stock::ledger::{Balance, LedgerRow, Movement, MovementMeta};
use aftersales_domain::stock::ticket_parts::{LineChange, LineEvent, TicketPart};
use aftersales_domain::warehouses::WarehouseKind;
use aftersales_persistence::parts::Part;
use aftersales_persistence::stock;
use aftersales_persistence::tickets::parts::{self as lines, Opening};
use aftersales_persistence::tickets::{Ticket, events};
use aftersales_persistence::warehouses::Warehouse;
use serde::Serialize;
use uuid::Uuid;

use crate::audit::{Change, snapshot};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::use_cases::access::{refuse_if_sealed, ticket_in_scope};
use crate::use_cases::stock::ledger::move_locked;
use crate::use_cases::stock::{movable_part, movable_warehouse, refused, stock_out};
use crate::use_cases::tickets::warranty::parts_cover;
use crate::use_cases::{Actor, Begun, Once, Work};
use wire::line_out;

pub(crate) const ENTITY: &str = "ticket_part";

/// Who pays for the part on this ticket, from its stored warranty decision.
pub(crate) fn payer(ticket: &Ticket, part: &Part) -> ChargeTo {
    let cover = parts_cover(ticket.warranty_snapshot.as_ref());
    charge_to(ticket.warranty_status, &cover, part.component_code.as_deref())
}

/// Reserving and issuing is the warehouse's (and managers'); a technician does it
/// only from their own van, for a ticket they are assigned to.
pub(crate) fn may_move_for(me: &Principal, ticket: &Ticket, warehouse: &Warehouse) -> Result<(), ApiError> {
    if allowed(&me.roles, Permission::MoveStock) {
        return Ok(());
    }
    let own_van = warehouse.kind == WarehouseKind::Van && warehouse.technician_id == Some(me.user_id);
    let own_ticket = ticket.technician_id == Some(me.user_id.into());
    if allowed(&me.roles, Permission::WorkTickets) && own_van && own_ticket {
        return Ok(());
    }
    Err(ApiError::Forbidden(
        "parts are reserved and issued by the warehouse; a technician issues only from their own van for their own ticket",
    ))
}

/// Begins a change of the ticket's parts that a client may retry (`body`, with
/// the request's path, recognises it): the first answer again for a replay, or the
/// work with the ticket, checked (404 outside your part of the network, 409 when
/// closed).
pub(crate) async fn begin(
    db: &aftersales_persistence::DatabaseConnection,
    actor: &Actor,
    body: &impl Serialize,
    ticket_id: Uuid,
) -> Result<Result<(Work, Ticket), Once<TicketPartChange>>, ApiError> {
    let work = match Work::begin_retryable(db, actor, body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Err(Once::Replayed(first))),
    };
    let ticket = ticket_in_scope(work.db(), &actor.me, ticket_id).await?;
    refuse_if_sealed(&ticket)?;
    Ok(Ok((work, ticket)))
}

/// The ticket's line for a part from a warehouse stock may move from for it
/// (created empty if new), locked, with its payer brought up to date.
pub(crate) async fn line_to_move(
    work: &Work,
    me: &Principal,
    ticket: &Ticket,
    warehouse_id: Uuid,
    part_id: Uuid,
) -> Result<(TicketPart, Part, Warehouse), ApiError> {
    let warehouse = movable_warehouse(work.db(), me, warehouse_id, "warehouse_id").await?;
    if warehouse.kind == WarehouseKind::Returns {
        return Err(ApiError::field(
            "warehouse_id",
            "returns_warehouse",
            "a returns warehouse keeps returned units, not parts to issue",
        ));
    }
    if warehouse.kind == WarehouseKind::Defective {
        return Err(ApiError::field(
            "warehouse_id",
            "defective_warehouse",
            "old and faulty parts are not issued to tickets",
        ));
    }
    may_move_for(me, ticket, &warehouse)?;
    let part = movable_part(work.db(), part_id, "part_id").await?;
    let opening = Opening {
        ticket_id: ticket.id.uuid(),
        part_id: part.id,
        warehouse_id: warehouse.id,
        charge_to: payer(ticket, &part),
        unit_price: part.price,
    };
    let mut line = lines::locked_line(work.db(), opening, work.now()).await?;
    line.charge_to = payer(ticket, &part);
    Ok((line, part, warehouse))
}

/// Makes the stock movements a change of the line asks for, in the line's
/// warehouse, on the ticket's account: their ledger rows and the stock after the
/// last. Either refused rolls all of them back.
pub(crate) async fn move_for_ticket(
    work: &Work,
    ticket: &Ticket,
    line: &TicketPart,
    shelf: Option<Balance>,
    movements: &[Movement],
) -> Result<(Vec<LedgerRow>, Option<Balance>), ApiError> {
    let meta = MovementMeta {
        actor_id: Some(work.actor_id().into()),
        reason: None,
        document_kind: Some("ticket".into()),
        document_id: Some(ticket.id.uuid()),
        ticket_id: Some(ticket.id),
    };
    let mut rows = Vec::with_capacity(movements.len());
    // The shelf is read and locked once; each movement starts from the last one's balance.
    let mut balance = shelf;
    for &movement in movements {
        let before = match balance {
            Some(before) => before,
            None => stock::locked_balance(work.db(), line.warehouse_id.uuid(), line.part_id.uuid(), work.now()).await?,
        };
        let (after, row) = move_locked(
            work.db(),
            before,
            line.warehouse_id.uuid(),
            line.part_id.uuid(),
            movement,
            meta.clone(),
            work.now(),
        )
        .await?
        .map_err(refused)?;
        balance = Some(after);
        rows.push(row);
    }
    Ok((rows, balance))
}

/// What a change of a line did, for the answer, the timeline and the audit log.
pub(crate) struct Done {
    pub action: &'static str,
    pub before: TicketPart,
    pub after: TicketPart,
    pub part: Part,
    pub balance: Balance,
    pub movements: Vec<MovementDto>,
    pub defective_parts: Vec<DefectivePartDto>,
    /// Timeline events: kind and note.
    pub events: Vec<(&'static str, String)>,
}

/// Saves the line, appends the timeline events, audits, keeps the answer under
/// the request's key and commits: the line and the stock after it.
pub(crate) async fn finish(work: Work, ticket: &Ticket, done: Done) -> Result<Once<TicketPartChange>, ApiError> {
    let now = work.now();
    let line = lines::update(work.db(), &done.after, now).await?;
    for (kind, note) in done.events {
        let event = events::NewEvent {
            field: Some("parts"),
            to_value: Some(done.part.sku.clone()),
            note: Some(note),
            ..events::NewEvent::kind(kind)
        };
        work.timeline(ticket.id, event).await?;
    }
    let out = TicketPartChange {
        line: line_out(&line, &done.part)?,
        stock: stock_out(line.warehouse_id.uuid(), line.part_id.uuid(), done.balance, now),
        movements: done.movements,
        defective_parts: done.defective_parts,
    };
    let change = Change {
        action: done.action,
        entity: ENTITY,
        entity_id: line.id.uuid(),
        branch_id: Some(ticket.branch_id.uuid()),
        before: snapshot(&line_out(&done.before, &done.part)?),
        after: snapshot(&out.line),
    };
    work.audit(change).await?;
    work.finish(StatusCode::OK, out).await
}

/// What the timeline says of a change of a line at a warehouse: kind and note
/// ("2 × DK-CMP-FTKB from HN01-MAIN").
pub(crate) fn timeline_entries(change: &LineChange, part: &Part, warehouse_code: &str) -> Vec<(&'static str, String)> {
    let entry = |kind, quantity: i64, preposition: &str| {
        (kind, format!("{quantity} × {} {preposition} {warehouse_code}", part.sku))
    };
    change
        .events
        .iter()
        .map(|event| match *event {
            LineEvent::Reserved(n) => entry(events::PARTS_RESERVED, n, "at"),
            LineEvent::Released(n) => entry(events::PARTS_RELEASED, n, "at"),
            LineEvent::Issued(n) => entry(events::PARTS_ISSUED, n, "from"),
            LineEvent::Used(n) => entry(events::PARTS_USED, n, "from"),
            LineEvent::ReturnedUnused(n) => entry(events::PARTS_RETURNED, n, "to"),
        })
        .collect()
}
