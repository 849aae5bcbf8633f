//! Orders and returns as the API shows them.
use aftersales_api_types::orders as wire;
use aftersales_domain::orders::{OrderStatus, ReturnKind, ReturnOutcome};
use aftersales_persistence::ConnectionTrait;
use aftersales_persistence::orders::{self, Order, OrderLine, OrderReturn};
use std::collections::HashMap;
use uuid::Uuid;

use crate::error::ApiError;

/// The domain and the wire name each value the same; a value missing on one side
/// is a programming error that the tests below catch.
fn same<W: Copy>(all: &[W], name: &str, wire_name: fn(W) -> &'static str) -> Option<W> {
    all.iter().copied().find(|w| wire_name(*w) == name)
}

pub fn status_out(s: OrderStatus) -> wire::OrderStatus {
    same(wire::OrderStatus::ALL, s.as_str(), wire::OrderStatus::as_str).unwrap_or(wire::OrderStatus::New)
}

pub(super) fn status_in(s: wire::OrderStatus) -> Result<OrderStatus, ApiError> {
    OrderStatus::parse(s.as_str()).ok_or_else(|| ApiError::Internal(anyhow::anyhow!("order status {}", s.as_str())))
}

pub(super) fn kind_in(k: wire::ReturnKind) -> Result<ReturnKind, ApiError> {
    ReturnKind::parse(k.as_str()).ok_or_else(|| ApiError::Internal(anyhow::anyhow!("return kind {}", k.as_str())))
}

pub(super) fn outcome_in(o: wire::ReturnOutcome) -> Result<ReturnOutcome, ApiError> {
    ReturnOutcome::parse(o.as_str()).ok_or_else(|| ApiError::Internal(anyhow::anyhow!("outcome {}", o.as_str())))
}

fn kind_out(k: ReturnKind) -> wire::ReturnKind {
    same(wire::ReturnKind::ALL, k.as_str(), wire::ReturnKind::as_str).unwrap_or(wire::ReturnKind::Return)
}

fn outcome_out(o: ReturnOutcome) -> wire::ReturnOutcome {
    same(wire::ReturnOutcome::ALL, o.as_str(), wire::ReturnOutcome::as_str).unwrap_or(wire::ReturnOutcome::Rejected)
}

/// The names of the platforms and buyers of some orders, read at once.
pub(super) struct Names {
    partners: HashMap<Uuid, String>,
    customers: HashMap<Uuid, String>,
}

impl Names {
    pub(super) async fn of(db: &impl ConnectionTrait, of: &[Order]) -> Result<Names, ApiError> {
        let partner_ids: Vec<Uuid> = of.iter().map(|o| o.partner_id).collect();
        let customer_ids: Vec<Uuid> = of.iter().map(|o| o.customer_id).collect();
        let (partners, customers) = orders::names(db, &partner_ids, &customer_ids).await?;
        Ok(Names { partners, customers })
    }

    fn partner(&self, id: Uuid) -> String {
        self.partners.get(&id).cloned().unwrap_or_default()
    }

    fn customer(&self, id: Uuid) -> String {
        self.customers.get(&id).cloned().unwrap_or_default()
    }
}

/// An order as listed (and as its webhooks carry it).
pub(super) async fn summary_of(db: &impl ConnectionTrait, o: &Order) -> Result<wire::OrderSummaryDto, ApiError> {
    Ok(summary_out(o, &Names::of(db, std::slice::from_ref(o)).await?))
}

pub(super) fn summary_out(o: &Order, names: &Names) -> wire::OrderSummaryDto {
    wire::OrderSummaryDto {
        id: o.id,
        partner_id: o.partner_id,
        partner_name: names.partner(o.partner_id),
        branch_id: o.branch_id,
        external_reference: o.external_reference.clone(),
        customer_id: o.customer_id,
        customer_name: names.customer(o.customer_id),
        status: status_out(o.status),
        ordered_on: o.ordered_on,
        delivered_on: o.delivered_on,
        updated_at: o.updated_at,
        version: o.version,
    }
}

fn line_out(l: &OrderLine) -> wire::OrderLineDto {
    wire::OrderLineDto {
        id: l.id,
        line_no: l.line_no,
        model_id: l.model_id,
        serial: l.serial.clone(),
        serial_id: l.serial_id,
        installation_ticket_id: l.installation_ticket_id,
    }
}

pub fn return_out(r: &OrderReturn, line_no: u32) -> wire::OrderReturnDto {
    let d = r.decision.as_ref();
    wire::OrderReturnDto {
        id: r.id,
        order_id: r.order_id,
        line_id: r.line_id,
        line_no,
        kind: kind_out(r.kind),
        reason: r.reason.clone(),
        ticket_id: r.ticket_id,
        outcome: d.map(|d| outcome_out(d.outcome)),
        warehouse_id: d.and_then(|d| d.warehouse_id),
        exchange_serial_id: d.and_then(|d| d.exchange_serial_id),
        decision_note: d.and_then(|d| d.note.clone()),
        decided_at: d.map(|d| d.decided_at),
        created_at: r.created_at,
        version: r.version,
    }
}

/// The whole order: its lines, its history and its returns, read afresh.
pub async fn order_out(db: &impl ConnectionTrait, o: &Order) -> Result<wire::OrderDto, ApiError> {
    let lines = orders::lines_of(db, o.id).await?;
    let line_no = |id| lines.iter().find(|l| l.id == id).map_or(0, |l| l.line_no);
    let history = orders::events_of(db, o.id)
        .await?
        .into_iter()
        .map(|e| wire::OrderEventDto {
            from_status: e.from_status.map(status_out),
            to_status: status_out(e.to_status),
            note: e.note,
            actor_id: e.actor_id,
            at: e.at,
        })
        .collect();
    let returns = orders::returns_of(db, o.id).await?.iter().map(|r| return_out(r, line_no(r.line_id))).collect();
    let names = Names::of(db, std::slice::from_ref(o)).await?;
    Ok(wire::OrderDto {
        id: o.id,
        partner_id: o.partner_id,
        partner_name: names.partner(o.partner_id),
        branch_id: o.branch_id,
        external_reference: o.external_reference.clone(),
        customer_id: o.customer_id,
        customer_name: names.customer(o.customer_id),
        status: status_out(o.status),
        next_statuses: o.status.next().iter().filter(|s| !s.set_by_return()).map(|s| status_out(*s)).collect(),
        returnable: o.status.is_with_customer(),
        ordered_on: o.ordered_on,
        delivered_on: o.delivered_on,
        installation_address: o.installation_address.clone(),
        lines: lines.iter().map(line_out).collect(),
        history,
        returns,
        created_at: o.created_at,
        updated_at: o.updated_at,
        version: o.version,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_has_the_same_name_on_the_wire_and_in_the_domain() {
        for s in OrderStatus::ALL {
            assert_eq!(status_out(*s).as_str(), s.as_str());
            assert!(status_in(status_out(*s)).is_ok_and(|back| back == *s));
        }
        assert_eq!(OrderStatus::ALL.len(), wire::OrderStatus::ALL.len());
        for k in ReturnKind::ALL {
            assert!(kind_in(kind_out(*k)).is_ok_and(|back| back == *k));
        }
        assert_eq!(ReturnKind::ALL.len(), wire::ReturnKind::ALL.len());
        for o in ReturnOutcome::ALL {
            assert!(outcome_in(outcome_out(*o)).is_ok_and(|back| back == *o));
        }
        assert_eq!(ReturnOutcome::ALL.len(), wire::ReturnOutcome::ALL.len());
    }
}
