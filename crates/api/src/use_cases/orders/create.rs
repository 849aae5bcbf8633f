//! Take in an order a platform sold.
use actix_web::http::StatusCode;
use aftersales_api_types::orders::{CreateOrder, OrderDto};
use aftersales_domain::access::Permission;
use aftersales_domain::orders::OrderStatus;
use aftersales_domain::text::optional_text;
use aftersales_persistence::catalogue::models;
use aftersales_persistence::orders::{self, NewLine, NewOrder};
use aftersales_persistence::{ConnectionTrait, StoreError, partners};
use uuid::Uuid;

use super::check_delivery_day;
use super::out::{order_out, status_in};
use super::sale::{buyer, mark_delivered, sell_units};
use crate::audit::{Change, snapshot};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::use_cases::access::ensure_branch_in_scope;
use crate::use_cases::partners::partner_named;
use crate::use_cases::serials::serial_key_at;
use crate::use_cases::{Actor, Begun, Once, Work};

/// The order is stored with its lines and its first status. Units whose serial
/// is given are sold once the order is shipped or delivered (a new or confirmed
/// order may still be cancelled): registered with the order's day as the sale
/// date and its delivery day, owned by the buyer; a model that needs installing
/// gets an installation ticket. The same order number twice is a 409.
pub async fn create(
    db: &aftersales_persistence::DatabaseConnection,
    actor: &Actor,
    body: CreateOrder,
) -> Result<Once<OrderDto>, ApiError> {
    let me = &actor.me;
    me.require(Permission::ManageOrders)?;
    let status = status_in(body.status)?;
    check(&body, status)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let seller = seller(work.db(), me, body.partner_id).await?;
    let branch_id = body.branch_id.unwrap_or(seller.branch_id);
    ensure_branch_in_scope(work.db(), &me.scope, branch_id).await?;
    for (i, line) in body.lines.iter().enumerate() {
        match models::find(work.db(), line.model_id).await {
            Err(StoreError::NotFound) => {
                return Err(ApiError::field(
                    &format!("lines[{i}].model_id"),
                    "unknown_model",
                    "there is no product model with this id",
                ));
            }
            other => other?,
        };
    }
    let customer_id = buyer(&work, me, branch_id, body.customer_id, body.customer).await?;
    let new = NewOrder {
        id: Uuid::now_v7(),
        partner_id: seller.id,
        branch_id,
        external_reference: body.external_reference.trim().to_owned(),
        customer_id,
        status,
        ordered_on: body.ordered_on,
        delivered_on: body.delivered_on,
        installation_address: optional_text(body.installation_address),
    };
    let lines = body
        .lines
        .into_iter()
        .map(|l| NewLine { model_id: l.model_id, serial: l.serial.map(|s| s.trim().to_owned()) })
        .collect();
    let (order, lines) = match orders::insert(work.db(), new, lines, work.now()).await {
        Err(StoreError::Conflict(message)) if message == orders::REFERENCE_TAKEN => {
            return Err(ApiError::conflict_at(
                "external_reference",
                "taken",
                "already used by another of your orders",
                message,
            ));
        }
        other => other?,
    };
    orders::record_event(work.db(), order.id, (None, status), None, Some(work.actor_id()), work.now()).await?;
    if matches!(status, OrderStatus::Shipped | OrderStatus::Delivered) {
        let lines = sell_units(&work, me, &order, &seller.name, lines).await?;
        mark_delivered(&work, &order, &lines).await?;
    }
    let out = order_out(work.db(), &order).await?;
    let change = Change {
        action: "order.create",
        entity: "order",
        entity_id: order.id,
        branch_id: Some(order.branch_id),
        before: None,
        after: snapshot(&out),
    };
    work.audit(change).await?;
    work.finish(StatusCode::CREATED, out).await
}

/// What the order must say before anything is stored.
fn check(body: &CreateOrder, status: OrderStatus) -> Result<(), ApiError> {
    if !status.may_start() {
        return Err(ApiError::field(
            "status",
            "not_a_start",
            "an order starts as new, confirmed, shipped or delivered",
        ));
    }
    check_delivery_day(status, body.delivered_on, body.ordered_on)?;
    let mut keys: Vec<String> = Vec::new();
    for (i, line) in body.lines.iter().enumerate() {
        let Some(serial) = &line.serial else { continue };
        let field = format!("lines[{i}].serial");
        let key = serial_key_at(serial, &field)?;
        if keys.contains(&key) {
            return Err(ApiError::field(&field, "duplicate", "the same serial is on another line of the order"));
        }
        keys.push(key);
    }
    Ok(())
}

/// The platform that sold the order: the acting partner's own, or the one staff
/// name. Only a platform or a dealer sells.
async fn seller(
    db: &impl ConnectionTrait,
    me: &Principal,
    partner_id: Option<Uuid>,
) -> Result<partners::Partner, ApiError> {
    let partner = partner_named(db, me, partner_id, "name the platform that sold the order").await?;
    if !partner.kind.sells_units() {
        return Err(ApiError::field(
            "partner_id",
            "not_a_seller",
            "orders come from an e-commerce platform or a dealer",
        ));
    }
    Ok(partner)
}
