//! Orders from e-commerce platforms: taking one in (its units sold and
//! registered, installation tickets opened), following its status messages, and
//! the returns and exchanges asked for on it, decided by the network.
//!
//! A platform's key with `orders:write` sends and reads its own orders; office
//! staff follow the orders of their part of the network and decide returns.
pub mod create;
pub mod decide;
pub mod list;
mod out;
pub mod returns;
mod sale;
pub mod status;

use aftersales_domain::access::Permission;
use aftersales_domain::orders::OrderStatus;
use aftersales_domain::webhooks::WebhookEvent;
use aftersales_persistence::ConnectionTrait;
use aftersales_persistence::orders::{self, Order, OrderSight};
use chrono::NaiveDate;
use serde_json::json;

use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::Work;

pub use out::{order_out, return_out, status_out};

/// Whose orders the caller sees: a key its partner's, staff their branches'.
fn sight(me: &Principal) -> OrderSight {
    match &me.partner {
        Some(key) => OrderSight::Partner(key.partner_id),
        None => OrderSight::Branches(me.scope.clone()),
    }
}

/// The order, if the caller may follow orders and sees this one; 404 otherwise.
async fn order_in_sight(db: &impl ConnectionTrait, me: &Principal, id: uuid::Uuid) -> Result<Order, ApiError> {
    me.require(Permission::ManageOrders)?;
    orders::find_seen(db, &sight(me), id).await.or_not_found("order")
}

/// A delivered order needs its delivery day, which cannot come before the order.
fn check_delivery_day(to: OrderStatus, delivered_on: Option<NaiveDate>, ordered_on: NaiveDate) -> Result<(), ApiError> {
    if to == OrderStatus::Delivered && delivered_on.is_none() {
        return Err(ApiError::field("delivered_on", "required", "a delivered order needs its delivery day"));
    }
    if delivered_on.is_some_and(|day| day < ordered_on) {
        return Err(ApiError::field("delivered_on", "before_order", "must not be before the order's day"));
    }
    Ok(())
}

/// Moves the order one step of its lifecycle, notes it in the order's history,
/// and tells the platform (`order.status_changed`). A step the lifecycle does
/// not allow is a 409 naming `status` and the steps that are allowed.
async fn move_order(
    work: &Work,
    order: &Order,
    to: OrderStatus,
    (delivered_on, note, expected): (Option<NaiveDate>, Option<String>, Option<i64>),
) -> Result<Order, ApiError> {
    if !order.status.may_move_to(to) {
        let allowed: Vec<&str> = order.status.next().iter().map(|s| s.as_str()).collect();
        let allowed = if allowed.is_empty() { "none: the order is finished".to_owned() } else { allowed.join(", ") };
        return Err(ApiError::conflict_at(
            "status",
            "not_allowed",
            format!("an order that is {} cannot become {}", order.status.as_str(), to.as_str()),
            format!("an order that is {} cannot become {}; allowed: {allowed}", order.status.as_str(), to.as_str()),
        ));
    }
    let moved = orders::set_status(work.db(), order, to, delivered_on, expected, work.now()).await?;
    orders::record_event(work.db(), order.id, (Some(order.status), to), note, Some(work.actor_id()), work.now())
        .await?;
    let data = json!({ "order": out::summary_of(work.db(), &moved).await?, "from_status": status_out(order.status) });
    crate::use_cases::webhooks::publish::order_news(work, WebhookEvent::OrderStatusChanged, moved.partner_id, data)
        .await?;
    Ok(moved)
}
