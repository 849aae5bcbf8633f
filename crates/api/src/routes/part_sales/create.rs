use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::part_sales::{NewPartSale, NewPartSaleLine, PartSaleDto};
use aftersales_api_types::{FieldError, Problem};
use aftersales_domain::regional::local_date;
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::{Movement, StockError};
use aftersales_domain::stock::numbering::{DocumentSeries, document_number};
use aftersales_domain::stock::sales::{self, LineRequest, PriceError, PricedLine};
use aftersales_persistence::part_sales::{self, PartSale, PartSaleLine};
use aftersales_persistence::parts::Part;
use aftersales_persistence::stock::MovementMeta;
use aftersales_persistence::{ConnectionTrait, StoreError, branches, customers, document_counters};
use chrono::{Datelike, Utc};
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, Principal, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::{self, IdempotencyKey};
use crate::state::AppState;
use crate::use_cases::part_sales::{ENTITY, amount_in, sale_out};
use crate::use_cases::stock::{movable_part, movable_warehouse, refused};

const PATH: &str = "/api/v1/part-sales";

/// Sell parts over the counter from a warehouse, to a customer of your part of the
/// network or a walk-in buyer. Every line leaves the shelf as a `sale` movement in
/// one go: if any part is short, the answer is 409 naming it and how many are
/// available, and nothing is sold. Each line sells at the part's selling price; a
/// different `unit_price` or a `discount` needs a `price_reason`. Every part must
/// be priced in the sale's `currency`. Send an `Idempotency-Key` to make a retry safe.
#[utoipa::path(
    post, path = "/api/v1/part-sales", tag = "stock", operation_id = "create_part_sale",
    security(("bearer" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer instead of selling twice")),
    request_body = NewPartSale,
    responses(
        (status = 201, description = "Sold", body = PartSaleDto, headers(("Location" = String, description = "The sale"))),
        (status = 409, description = "A part is short; the detail names it and how many are available", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/part-sales")]
pub async fn create_part_sale(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<NewPartSale>,
) -> Result<HttpResponse, ApiError> {
    let idempotency::Opened { txn, hash } = match idempotency::open(&state.db, me.user_id, &key, PATH, &body).await? {
        Ok(opened) => opened,
        Err(replayed) => return Ok(replayed),
    };
    let warehouse = movable_warehouse(&txn, &me, body.warehouse_id, "warehouse_id").await?;
    check_customer(&txn, &me, &body).await?;
    let lines = price_lines(&txn, &body).await?;
    let total = sales::total(lines.iter().map(|(_, p)| p.line_total_minor))
        .map_err(|_| ApiError::field("lines", "too_large", "the sale's total is too large"))?;

    let now = Utc::now();
    let branch = branches::find(&txn, warehouse.branch_id).await?;
    let year = local_date(&branch.time_zone, now).unwrap_or_else(|| now.date_naive()).year();
    let sequence = document_counters::next(&txn, branch.id, DocumentSeries::PartSale, year).await?;
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
            actor_id: Some(me.user_id),
            reason: None,
            document_kind: Some(ENTITY.into()),
            document_id: Some(sale_id),
            ticket_id: None,
        };
        // A refusal returns before the commit: the transaction rolls back every
        // line already moved, and the number is given back.
        let (_, row) = crate::use_cases::stock::ledger::move_stock(&txn, warehouse.id, part.id, movement, meta, now)
            .await?
            .map_err(|e| short(i, &part, e))?;
        sold.push(PartSaleLine {
            line_no: i32::try_from(i + 1).unwrap_or(i32::MAX),
            part_id: part.id,
            quantity: request.quantity,
            list_price_minor: part.price_minor,
            unit_price_minor: priced.unit_price_minor,
            discount_minor: priced.discount_minor,
            line_total_minor: priced.line_total_minor,
            unit_cost_minor: row.unit_cost_minor,
            cost_minor: -row.value_delta_minor,
            price_reason: priced.deviates.then(|| request.price_reason.clone()).flatten(),
            movement_id: row.id,
        });
    }
    sold.sort_by_key(|l| l.line_no);
    let sale = PartSale {
        id: sale_id,
        number: document_number(DocumentSeries::PartSale, &branch.code, year, sequence),
        branch_id: branch.id,
        warehouse_id: warehouse.id,
        customer_id: body.customer_id,
        customer_name: trimmed(&body.customer_name),
        customer_phone: trimmed(&body.customer_phone),
        currency: body.currency.clone(),
        total_minor: total,
        cost_minor: sold.iter().map(|l| l.cost_minor).sum(),
        sold_by: me.user_id,
        sold_at: now,
        note: trimmed(&body.note),
        lines: sold,
    };
    part_sales::insert(&txn, &sale).await?;
    // Answer what was stored: PostgreSQL keeps microseconds, so the sale as read
    // later must equal the sale as answered now.
    let sale = part_sales::find(&txn, sale.id).await?;
    let out = sale_out(&sale);
    let change = Change {
        action: "part_sale.create",
        entity: ENTITY,
        entity_id: sale.id,
        branch_id: Some(branch.id),
        before: None,
        after: snapshot(&out),
    };
    audit::record(&txn, Some(me.user_id), &request_id, change).await?;
    let text = idempotency::keep(&txn, me.user_id, &key, hash, StatusCode::CREATED, &out).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("{PATH}/{}", sale.id)))
        .content_type("application/json")
        .body(text))
}

fn trimmed(value: &Option<String>) -> Option<String> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
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

/// Each line's part (known, active, in the sale's currency, once per sale) and its
/// price; every bad line is named in one 422.
async fn price_lines(db: &impl ConnectionTrait, body: &NewPartSale) -> Result<Vec<(Part, PricedLine)>, ApiError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let mut priced = Vec::with_capacity(body.lines.len());
    for (i, line) in body.lines.iter().enumerate() {
        match price_line(db, body, i, line).await {
            Ok(done) if priced.iter().any(|(p, _): &(Part, PricedLine)| p.id == done.0.id) => {
                errors.push(FieldError::new(
                    format!("lines[{i}].part_id"),
                    "duplicate",
                    "this part is on an earlier line; put the whole quantity on one line",
                ))
            }
            Ok(done) => priced.push(done),
            Err(ApiError::Validation(mut list)) => errors.append(&mut list),
            Err(other) => return Err(other),
        }
    }
    if errors.is_empty() { Ok(priced) } else { Err(ApiError::Validation(errors)) }
}

async fn price_line(
    db: &impl ConnectionTrait,
    body: &NewPartSale,
    i: usize,
    line: &NewPartSaleLine,
) -> Result<(Part, PricedLine), ApiError> {
    let field = |name: &str| format!("lines[{i}].{name}");
    let part = movable_part(db, line.part_id, &field("part_id")).await?;
    if part.currency != body.currency {
        return Err(ApiError::field(
            &field("part_id"),
            "currency_mismatch",
            format!("{} is priced in {}, the sale is in {}", part.sku, part.currency, body.currency),
        ));
    }
    let unit_price =
        line.unit_price.as_deref().map(|a| amount_in(a, &body.currency, &field("unit_price"))).transpose()?;
    let discount =
        line.discount.as_deref().map(|a| amount_in(a, &body.currency, &field("discount"))).transpose()?.unwrap_or(0);
    let request = LineRequest {
        quantity: line.quantity,
        list_price_minor: part.price_minor,
        unit_price_minor: unit_price,
        discount_minor: discount,
        has_reason: line.price_reason.as_deref().is_some_and(|r| !r.trim().is_empty()),
    };
    let priced = sales::price_line(request).map_err(|e| {
        let (name, code) = match e {
            PriceError::ReasonRequired => ("price_reason", "required"),
            PriceError::DiscountTooLarge { .. } => ("discount", "too_large"),
            PriceError::NotPositive => ("quantity", "range"),
            PriceError::Negative => ("unit_price", "negative"),
            PriceError::Overflow => ("quantity", "too_large"),
        };
        ApiError::field(&field(name), code, e.to_string())
    })?;
    Ok((part, priced))
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
