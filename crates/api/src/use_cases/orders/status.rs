//! A platform's status message: the order moves one step of its lifecycle.
use actix_web::http::StatusCode;
use aftersales_api_types::orders::{ChangeOrderStatus, OrderDto};
use aftersales_domain::orders::OrderStatus;
use aftersales_domain::text::optional_text;
use aftersales_persistence::{DatabaseConnection, orders, partners};
use uuid::Uuid;

use super::out::{order_out, status_in};
use super::sale::{mark_delivered, sell_units};
use super::{check_delivery_day, move_order, order_in_sight};
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::serials::serial_key_at;
use crate::use_cases::{Actor, Begun, Once, Work};

/// Serials sent with the message fill the lines that had none. Once the order is
/// shipped or delivered its known units are sold (see [`super::create`]);
/// delivered also dates the delivery of units sold before. Returns and exchanges
/// are not status messages: they open a ticket (`POST …/returns`) and end with
/// the network's decision.
pub async fn change_status(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: ChangeOrderStatus,
) -> Result<Once<OrderDto>, ApiError> {
    let me = &actor.me;
    let to = status_in(body.status)?;
    if to.set_by_return() {
        return Err(ApiError::field(
            "status",
            "by_return",
            "ask for a return or an exchange with POST /api/v1/orders/{id}/returns; its decision sets this status",
        ));
    }
    for (i, given) in body.serials.iter().enumerate() {
        serial_key_at(&given.serial, &format!("serials[{i}].serial"))?;
    }
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let order = order_in_sight(work.db(), me, id).await?;
    check_delivery_day(to, body.delivered_on, order.ordered_on)?;
    let before = order_out(work.db(), &order).await?;
    let mut lines = orders::lines_of(work.db(), order.id).await?;
    for (i, given) in body.serials.iter().enumerate() {
        let field = format!("serials[{i}].line_no");
        let line = lines
            .iter_mut()
            .find(|l| l.line_no == given.line_no)
            .ok_or_else(|| ApiError::field(&field, "unknown_line", "the order has no line with this number"))?;
        if line.serial_id.is_some() {
            return Err(ApiError::field(&field, "sold", "the line's unit is already registered"));
        }
        line.serial = Some(given.serial.trim().to_owned());
        orders::set_line(work.db(), line.id, line.serial.clone(), None, line.installation_ticket_id).await?;
    }
    let delivered_on = if to == OrderStatus::Delivered { body.delivered_on } else { None };
    let moved = move_order(&work, &order, to, (delivered_on, optional_text(body.note), expected)).await?;
    if matches!(to, OrderStatus::Shipped | OrderStatus::Delivered) {
        let seller = partners::find(work.db(), moved.partner_id).await?;
        let lines = sell_units(&work, me, &moved, &seller.name, lines).await?;
        mark_delivered(&work, &moved, &lines).await?;
    }
    let out = order_out(work.db(), &moved).await?;
    let change = Change {
        action: "order.status",
        entity: "order",
        entity_id: moved.id,
        branch_id: Some(moved.branch_id),
        before: snapshot(&before),
        after: snapshot(&out),
    };
    work.audit(change).await?;
    work.finish(StatusCode::OK, out).await
}
