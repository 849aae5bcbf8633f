//! Shared by the `/tickets/parts` use cases.
pub mod wire;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use aftersales_api_types::defective_parts::DefectivePartDto;
use aftersales_api_types::stock::MovementDto;
use aftersales_api_types::ticket_parts::TicketPartChange;
use aftersales_domain::access::{Permission, allowed};
use aftersales_domain::stock::charging::{ChargeTo, charge_to};
use aftersales_domain::stock::ledger::Balance;
use aftersales_domain::warehouses::WarehouseKind;
use aftersales_persistence::DatabaseTransaction;
use aftersales_persistence::parts::Part;
use aftersales_persistence::tickets::parts::{self as lines, Opening, TicketPart};
use aftersales_persistence::tickets::{Ticket, events};
use aftersales_persistence::warehouses::Warehouse;
use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::extract::RequestId;
use crate::idempotency::{self, IdempotencyKey};
use crate::state::AppState;
use crate::use_cases::access::{refuse_if_sealed, ticket_in_scope};
use crate::use_cases::stock::{movable_part, movable_warehouse, stock_out};
use crate::use_cases::tickets::warranty::parts_cover;
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
    let own_ticket = ticket.technician_id == Some(me.user_id);
    if allowed(&me.roles, Permission::WorkTickets) && own_van && own_ticket {
        return Ok(());
    }
    Err(ApiError::Forbidden(
        "parts are reserved and issued by the warehouse; a technician issues only from their own van for their own ticket",
    ))
}

/// A request on a ticket's parts checked so far: not a replay, the ticket in scope
/// and open, and the transaction holding the write.
pub(crate) struct Opened {
    pub txn: DatabaseTransaction,
    pub hash: String,
    pub ticket: Ticket,
}

/// Opens the write, answers a replayed request with its first answer, and checks
/// the ticket (404 outside your part of the network, 409 when closed).
pub(crate) async fn open(
    state: &AppState,
    me: &Principal,
    key: &IdempotencyKey,
    path: &str,
    body: &impl Serialize,
    ticket_id: Uuid,
) -> Result<Result<Opened, HttpResponse>, ApiError> {
    let idempotency::Opened { txn, hash } = match idempotency::open(&state.db, me.user_id, key, path, body).await? {
        Ok(opened) => opened,
        Err(replayed) => return Ok(Err(replayed)),
    };
    let ticket = ticket_in_scope(&txn, me, ticket_id).await?;
    refuse_if_sealed(&ticket)?;
    Ok(Ok(Opened { txn, hash, ticket }))
}

/// The ticket's line for a part from a warehouse stock may move from for it
/// (created empty if new), locked, with its payer brought up to date.
pub(crate) async fn line_to_move(
    o: &Opened,
    me: &Principal,
    warehouse_id: Uuid,
    part_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(TicketPart, Part, Warehouse), ApiError> {
    let warehouse = movable_warehouse(&o.txn, me, warehouse_id, "warehouse_id").await?;
    if warehouse.kind == WarehouseKind::Defective {
        return Err(ApiError::field(
            "warehouse_id",
            "defective_warehouse",
            "old and faulty parts are not issued to tickets",
        ));
    }
    may_move_for(me, &o.ticket, &warehouse)?;
    let part = movable_part(&o.txn, part_id, "part_id").await?;
    let opening = Opening {
        ticket_id: o.ticket.id,
        part_id: part.id,
        warehouse_id: warehouse.id,
        charge_to: payer(&o.ticket, &part),
        unit_price_minor: part.price_minor,
        currency: part.currency.clone(),
    };
    let mut line = lines::locked_line(&o.txn, opening, now).await?;
    line.charge_to = payer(&o.ticket, &part);
    Ok((line, part, warehouse))
}

/// What a change did, for the answer, the timeline and the audit log.
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

/// Writes the line, appends the timeline events, audits, keeps the answer under
/// the key and commits: 200 with the line and the stock after it.
pub(crate) async fn finish(
    o: Opened,
    me: &Principal,
    request_id: &RequestId,
    key: &IdempotencyKey,
    done: Done,
    now: DateTime<Utc>,
) -> Result<HttpResponse, ApiError> {
    let Opened { txn, hash, ticket } = o;
    let line = lines::update(&txn, &done.after, now).await?;
    for (kind, note) in done.events {
        let event = events::NewEvent {
            field: Some("parts"),
            to_value: Some(done.part.sku.clone()),
            note: Some(note),
            ..events::NewEvent::kind(kind)
        };
        events::append(&txn, ticket.id, Some(me.user_id), now, event).await?;
    }
    let out = TicketPartChange {
        line: line_out(&line, &done.part)?,
        stock: stock_out(line.warehouse_id, line.part_id, done.balance, now),
        movements: done.movements,
        defective_parts: done.defective_parts,
    };
    let change = Change {
        action: done.action,
        entity: ENTITY,
        entity_id: line.id,
        branch_id: Some(ticket.branch_id),
        before: snapshot(&line_out(&done.before, &done.part)?),
        after: snapshot(&out.line),
    };
    audit::record(&txn, Some(me.user_id), request_id, change).await?;
    let text = idempotency::keep(&txn, me.user_id, key, hash, StatusCode::OK, &out).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().content_type("application/json").body(text))
}

/// "2 × DK-CMP-FTKB from HN01-MAIN": what the timeline says of a change.
pub(crate) fn note(quantity: i64, part: &Part, warehouse_code: &str, preposition: &str) -> String {
    format!("{quantity} × {} {preposition} {warehouse_code}", part.sku)
}
