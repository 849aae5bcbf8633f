//! A return or an exchange asked for on one unit of a delivered order.
use actix_web::http::StatusCode;
use aftersales_api_types::orders::{OrderReturnDto, RequestReturn};
use aftersales_api_types::tickets::TicketKind;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::orders::{self, NewReturn};
use aftersales_persistence::tickets::events::NewEvent;
use uuid::Uuid;

use super::out::{kind_in, return_out};
use super::sale::order_ticket;
use super::{move_order, order_in_sight};
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::tickets::take_in;
use crate::use_cases::{Actor, Begun, Once, Work};

/// Opens a return/exchange ticket for the line's unit, linked to the order (the
/// platform's, so its key follows it and its endpoints hear of it), and moves
/// the order to `return_requested` or `exchange_requested`. The unit must be
/// registered and with the customer; one open request per unit.
pub async fn request_return(
    db: &DatabaseConnection,
    actor: &Actor,
    order_id: Uuid,
    body: RequestReturn,
) -> Result<Once<OrderReturnDto>, ApiError> {
    let me = &actor.me;
    let kind = kind_in(body.kind)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let order = order_in_sight(work.db(), me, order_id).await?;
    let lines = orders::lines_of(work.db(), order.id).await?;
    let line = lines
        .iter()
        .find(|l| l.line_no == body.line_no)
        .ok_or_else(|| ApiError::field("line_no", "unknown_line", "the order has no line with this number"))?;
    let Some(serial_id) = line.serial_id else {
        return Err(ApiError::field("line_no", "not_sold", "the line's unit was never registered (no serial)"));
    };
    let open = orders::returns_of(work.db(), order.id).await?;
    if open.iter().any(|r| r.line_id == line.id && r.decision.is_none()) {
        return Err(ApiError::conflict_at(
            "line_no",
            "open_request",
            "a request for this unit is still open",
            "a return or exchange of this unit is already asked for and not decided yet",
        ));
    }
    let reason = body.reason.trim().to_owned();
    let moved = move_order(&work, &order, kind.requested_status(), (None, Some(reason.clone()), None)).await?;
    let about = format!("{} asked for on order {}: {reason}", kind.as_str(), order.external_reference);
    let ticket = order_ticket(&order, TicketKind::ReturnExchange, serial_id, about, None);
    let (ticket, _) = take_in::open(&work, me, ticket, Some(order.partner_id)).await?;
    let new = NewReturn { order_id: order.id, line_id: line.id, kind, reason, ticket_id: ticket.id.uuid() };
    let asked = orders::insert_return(work.db(), new, work.now()).await?;
    let note = Some(format!("order {} line {}", order.external_reference, line.line_no));
    work.timeline(ticket.id, NewEvent { note, ..NewEvent::kind("return_requested") }).await?;
    let out = return_out(&asked, line.line_no);
    let change = Change {
        action: "order.return_request",
        entity: "order",
        entity_id: moved.id,
        branch_id: Some(moved.branch_id),
        before: None,
        after: snapshot(&out),
    };
    work.audit(change).await?;
    work.finish(StatusCode::CREATED, out).await
}
