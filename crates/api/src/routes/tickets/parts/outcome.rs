use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::ticket_parts::{RecordPartOutcome, TicketPartChange};
use aftersales_domain::access::{Permission, allowed};
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::{self, Balance, Movement};
use aftersales_domain::stock::ticket_parts::{Outcome, OutcomeError, record};
use aftersales_persistence::defective_parts::{self, NewDefectivePart};
use aftersales_persistence::stock::{self, MovementMeta};
use aftersales_persistence::tickets::parts::{self as lines, TicketPart};
use aftersales_persistence::tickets::{Ticket, events};
use aftersales_persistence::{ConnectionTrait, StoreError, parts, settings, warehouses};
use chrono::{Duration, Utc};
use uuid::Uuid;

use crate::auth::{Authorized, Principal, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::state::AppState;
use crate::use_cases::stock::{movable_warehouse, movement_out, refused};
use crate::use_cases::tickets::parts::wire::defective_out;
use crate::use_cases::tickets::parts::{Done, finish, note, open, payer};

/// Record what became of parts issued to the ticket; each count adds to what is
/// recorded. `returned_unused` parts go back on the shelf they came from (a
/// `return_unused` ledger row); `defective` old parts taken out of the unit are
/// owed back by the ticket's technician within `defective_return_days`. Recording
/// more used and returned than was issued, or more old parts than parts used,
/// answers 422 naming the field, and nothing is recorded. A technician records on
/// their own tickets; the office on any (403 otherwise). Appends `parts_used`,
/// `parts_returned` and `defective_recorded`.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/parts/outcome", tag = "tickets", operation_id = "record_ticket_parts_outcome",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Ticket id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer instead of recording twice"),
    ),
    request_body = RecordPartOutcome,
    responses(
        (status = 200, description = "Recorded", body = TicketPartChange),
        (status = 403, description = "Not your ticket", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ticket is closed", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets/{id}/parts/outcome")]
pub async fn record_ticket_parts_outcome(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::WorkTickets>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<RecordPartOutcome>,
) -> Result<HttpResponse, ApiError> {
    let path = format!("/api/v1/tickets/{id}/parts/outcome");
    let o = match open(&state, &me, &key, &path, &body, *id).await? {
        Ok(o) => o,
        Err(replayed) => return Ok(replayed),
    };
    may_record(&me, &o.ticket)?;
    let now = Utc::now();
    let before = issued_line(&o.txn, &o.ticket, &body).await?;
    let part = parts::find(&o.txn, before.part_id).await?;
    let outcome = Outcome { used: body.used, returned_unused: body.returned_unused, defective: body.defective };
    let counts = record(before.counts, outcome).map_err(outcome_refused)?;
    let warehouse = warehouses::find(&o.txn, before.warehouse_id).await?;
    let mut events = Vec::new();
    let mut movements = Vec::new();
    let balance = if body.returned_unused > 0 {
        // Back on the shelf it came from, which must still take stock.
        movable_warehouse(&o.txn, &me, warehouse.id, "warehouse_id").await?;
        let movement = Movement {
            kind: MovementKind::ReturnUnused,
            quantity: body.returned_unused,
            unit_cost_minor: Some(ledger::average(before.issued_value_minor, before.counts.issued)),
            from_reservation: false,
        };
        let meta = MovementMeta {
            actor_id: Some(me.user_id),
            reason: None,
            document_kind: Some("ticket".into()),
            document_id: Some(o.ticket.id),
            ticket_id: Some(o.ticket.id),
        };
        let (balance, row) =
            crate::use_cases::stock::ledger::move_stock(&o.txn, warehouse.id, part.id, movement, meta, now)
                .await?
                .map_err(refused)?;
        movements.push(movement_out(&row));
        events.push((events::PARTS_RETURNED, note(body.returned_unused, &part, &warehouse.code, "to")));
        balance
    } else {
        current_balance(&o.txn, warehouse.id, part.id).await?
    };
    if body.used > 0 {
        events.push((events::PARTS_USED, note(body.used, &part, &warehouse.code, "from")));
    }
    let mut owed = Vec::new();
    if body.defective > 0 {
        let days = settings::tickets(&o.txn).await?.defective_return_days;
        let new = NewDefectivePart {
            ticket_id: o.ticket.id,
            ticket_part_id: before.id,
            part_id: part.id,
            technician_id: o.ticket.technician_id.unwrap_or(me.user_id),
            branch_id: o.ticket.branch_id,
            quantity: body.defective,
            due_at: now + Duration::days(i64::from(days)),
            created_by: Some(me.user_id),
        };
        let row = defective_parts::insert(&o.txn, new, now).await?;
        let due = row.due_at.date_naive();
        events.push((events::DEFECTIVE_RECORDED, format!("{} × old {} owed back by {due}", body.defective, part.sku)));
        owed.push(defective_out(&row, &o.ticket.number, now));
    }
    let after = TicketPart { counts, charge_to: payer(&o.ticket, &part), ..before.clone() };
    let done =
        Done { action: "ticket.parts_outcome", before, after, part, balance, movements, defective_parts: owed, events };
    finish(o, &me, &request_id, &key, done, now).await
}

/// A technician records on their own tickets; the office (who takes tickets in)
/// on any.
fn may_record(me: &Principal, ticket: &Ticket) -> Result<(), ApiError> {
    if ticket.technician_id == Some(me.user_id) || allowed(&me.roles, Permission::ManageTickets) {
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
    let found = lines::of_part(db, ticket.id, body.part_id).await?;
    let found: Vec<_> = found.into_iter().filter(|l| body.warehouse_id.is_none_or(|w| l.warehouse_id == w)).collect();
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
    match lines::lock(db, line.id).await {
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

async fn current_balance(db: &impl ConnectionTrait, warehouse_id: Uuid, part_id: Uuid) -> Result<Balance, ApiError> {
    let lines = stock::balances(db, warehouse_id, Some(part_id)).await?;
    Ok(lines.first().map(|l| l.balance).unwrap_or_default())
}
