//! Sell parts over the counter.
use actix_web::http::StatusCode;
use aftersales_api_types::part_sales::{NewPartSale, PartSaleDto};
use aftersales_domain::access::Permission;
use aftersales_domain::money::Money;
use aftersales_domain::regional::local_date;
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::{Movement, MovementMeta, StockError};
use aftersales_domain::stock::numbering::{DocumentSeries, document_number};
use aftersales_domain::stock::sales::{self, PricedLine};
use aftersales_domain::text::non_blank;
use aftersales_persistence::part_sales::{self, PartSale, PartSaleLine};
use aftersales_persistence::parts::Part;
use aftersales_persistence::{ConnectionTrait, DatabaseConnection, StoreError, branches, customers, document_counters};
use chrono::Datelike;
use uuid::Uuid;

use super::pricing::price_lines;
use super::{ENTITY, one_out};
use crate::audit::{Change, snapshot};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::money_dto::currency_in;
use crate::use_cases::stock::ledger::move_stock;
use crate::use_cases::stock::{movable_warehouse, refused};
use crate::use_cases::{Actor, Begun, Once, Work};

/// Sells parts from a warehouse to a customer of the caller's part of the network
/// or a walk-in buyer. Every line leaves the shelf as a `sale` movement in one go:
/// if any part is short, the answer is 409 naming it and how many are available,
/// and nothing is sold. A retry under the same key gets the first answer.
pub async fn sell(db: &DatabaseConnection, actor: &Actor, body: NewPartSale) -> Result<Once<PartSaleDto>, ApiError> {
    let me = &actor.me;
    me.require(Permission::MoveStock)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let (txn, now) = (work.db(), work.now());
    let warehouse = movable_warehouse(txn, me, body.warehouse_id, "warehouse_id").await?;
    check_customer(txn, me, &body).await?;
    let currency = currency_in(&body.currency, "currency")?;
    let lines = price_lines(txn, &body, currency).await?;
    let total = sales::total(Money::zero(currency), lines.iter().map(|(_, p)| p.line_total))
        .map_err(|_| ApiError::field("lines", "too_large", "the sale's total is too large"))?;

    let branch = branches::find(txn, warehouse.branch_id).await?;
    let year = local_date(&branch.time_zone, now).unwrap_or_else(|| now.date_naive()).year();
    let sequence = document_counters::next(txn, branch.id.uuid(), DocumentSeries::PartSale, year).await?;
    let sale_id = Uuid::now_v7();
    // Balances are locked in part order, as a stocktake posting locks them, so two
    // documents touching the same parts wait for each other instead of deadlocking.
    let mut order: Vec<(usize, (Part, PricedLine))> = lines.into_iter().enumerate().collect();
    order.sort_by_key(|(_, (part, _))| part.id);
    let mut sold = Vec::with_capacity(order.len());
    for (i, (part, priced)) in order {
        let request = &body.lines[i];
        let movement = Movement {
            kind: MovementKind::Sale,
            quantity: request.quantity,
            unit_cost_minor: None,
            from_reservation: false,
        };
        let meta = MovementMeta {
            actor_id: Some(me.user_id.into()),
            reason: None,
            document_kind: Some(ENTITY.into()),
            document_id: Some(sale_id),
            ticket_id: None,
        };
        // A refusal returns before the commit: the transaction rolls back every
        // line already moved, and the number is given back.
        let (_, row) =
            move_stock(txn, warehouse.id, part.id, movement, meta, now).await?.map_err(|e| short(i, &part, e))?;
        sold.push(PartSaleLine {
            line_no: i32::try_from(i + 1).unwrap_or(i32::MAX),
            part_id: part.id,
            quantity: request.quantity,
            list_price: part.price,
            unit_price: priced.unit_price,
            discount: priced.discount,
            line_total: priced.line_total,
            unit_cost: Money::new(row.unit_cost_minor, currency),
            cost: Money::new(-row.value_delta_minor, currency),
            price_reason: priced.deviates.then(|| request.price_reason.clone()).flatten(),
            movement_id: row.id.uuid(),
        });
    }
    sold.sort_by_key(|l| l.line_no);
    let sale = PartSale {
        id: sale_id,
        number: document_number(DocumentSeries::PartSale, &branch.code, year, sequence),
        branch_id: branch.id.uuid(),
        warehouse_id: warehouse.id,
        customer_id: body.customer_id,
        customer_name: body.customer_name.as_deref().and_then(non_blank),
        customer_phone: body.customer_phone.as_deref().and_then(non_blank),
        total,
        cost: Money::new(sold.iter().map(|l| l.cost.minor()).sum(), currency),
        sold_by: me.user_id,
        sold_at: now,
        note: body.note.as_deref().and_then(non_blank),
        lines: sold,
    };
    part_sales::insert(txn, &sale).await?;
    // Answer what was stored: PostgreSQL keeps microseconds, so the sale as read
    // later must equal the sale as answered now.
    let sale = part_sales::find(txn, sale.id).await?;
    let out = one_out(txn, &sale).await?;
    let change = Change {
        action: "part_sale.create",
        entity: ENTITY,
        entity_id: sale.id,
        branch_id: Some(branch.id.uuid()),
        before: None,
        after: snapshot(&out),
    };
    work.audit(change).await?;
    work.finish(StatusCode::CREATED, out).await
}

/// A registered customer in scope, or a walk-in buyer — not both.
async fn check_customer(db: &impl ConnectionTrait, me: &Principal, body: &NewPartSale) -> Result<(), ApiError> {
    let Some(customer_id) = body.customer_id else { return Ok(()) };
    if body.customer_name.is_some() || body.customer_phone.is_some() {
        let field = if body.customer_name.is_some() { "customer_name" } else { "customer_phone" };
        return Err(ApiError::field(field, "with_customer", "a walk-in buyer's details go without customer_id"));
    }
    match customers::find_in_scope(db, &me.scope, customer_id).await {
        Err(StoreError::NotFound) => {
            Err(ApiError::field("customer_id", "unknown_customer", "no such customer in your part of the network"))
        }
        other => other.map(|_| ()).map_err(ApiError::from),
    }
}

/// A line the shelf cannot fill: 409 naming the line, the part and how many are available.
fn short(i: usize, part: &Part, e: StockError) -> ApiError {
    match e {
        StockError::Insufficient { available, requested } => ApiError::conflict_at(
            &format!("lines[{i}].quantity"),
            "insufficient_stock",
            format!("{available} available"),
            format!("lines[{i}]: not enough stock of {}: {available} available, {requested} requested", part.sku),
        ),
        other => refused(other),
    }
}
