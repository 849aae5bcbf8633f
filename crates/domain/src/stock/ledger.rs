//! The stock of one part in one warehouse, and how each movement changes it.
//!
//! `on_hand` never goes negative, `reserved` never exceeds `on_hand`, and the
//! stock's value is kept as a total so that it is exactly zero when the shelf is
//! empty: an outgoing movement takes its share of the value, rounded half up, at the
//! moving-average cost.
pub use super::balance::Balance;
use super::{Direction, MovementKind};
use crate::ids::{MovementId, PartId, TicketId, UserId, WarehouseId};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// A movement to apply. `quantity` is positive, except for a stocktake adjustment
/// where its sign says which way. `unit_cost_minor` is required for movements that
/// bring their own cost (receipts, transfers in) and ignored otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Movement {
    pub kind: MovementKind,
    pub quantity: i64,
    pub unit_cost_minor: Option<i64>,
    /// Issue units that were reserved for this purpose (an issue against a
    /// ticket's reservation), so the reservation shrinks with the stock.
    pub from_reservation: bool,
}

/// What a movement did: the signed change of quantity and value, for the ledger row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Effect {
    pub quantity_delta: i64,
    pub value_delta_minor: i64,
    pub unit_cost_minor: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StockError {
    #[error("only {available} available, {requested} requested")]
    Insufficient { available: i64, requested: i64 },
    #[error("the quantity must be positive")]
    NotPositive,
    #[error("a receipt needs the unit cost")]
    MissingCost,
    #[error("the unit cost must not be negative")]
    NegativeCost,
    #[error("only {reserved} reserved, {requested} requested")]
    NotReserved { reserved: i64, requested: i64 },
    #[error("the numbers are too large")]
    Overflow,
}

/// What one of `quantity` units worth `value_minor` together costs, rounded; 0 for none.
pub fn average(value_minor: i64, quantity: i64) -> i64 {
    if quantity == 0 { 0 } else { div_round(i128::from(value_minor), i128::from(quantity)) }
}

/// Rounds half away from zero.
fn div_round(n: i128, d: i128) -> i64 {
    let q = (2 * n + d.signum() * n.signum() * d.abs()) / (2 * d);
    i64::try_from(q).unwrap_or(if q > 0 { i64::MAX } else { i64::MIN })
}

fn add(a: i64, b: i64) -> Result<i64, StockError> {
    a.checked_add(b).ok_or(StockError::Overflow)
}

/// The balance after the movement, or why it cannot happen.
pub fn apply(balance: Balance, m: Movement) -> Result<(Balance, Effect), StockError> {
    let inward = match m.kind.direction() {
        Direction::In => true,
        Direction::Out => false,
        Direction::Either => m.quantity > 0,
    };
    let quantity = match m.kind.direction() {
        Direction::Either if m.quantity != 0 => m.quantity.checked_abs().ok_or(StockError::Overflow)?,
        _ if m.quantity > 0 => m.quantity,
        _ => return Err(StockError::NotPositive),
    };
    if inward {
        let unit_cost = match (m.kind.brings_its_own_cost(), m.unit_cost_minor) {
            (true, None) => return Err(StockError::MissingCost),
            (true, Some(c)) if c < 0 => return Err(StockError::NegativeCost),
            (true, Some(c)) => c,
            // Returns and stocktake gains come back at the current average.
            (false, _) => balance.average_cost_minor(),
        };
        let value = quantity.checked_mul(unit_cost).ok_or(StockError::Overflow)?;
        let after = Balance {
            on_hand: add(balance.on_hand, quantity)?,
            reserved: balance.reserved,
            value_minor: add(balance.value_minor, value)?,
        };
        return Ok((after, Effect { quantity_delta: quantity, value_delta_minor: value, unit_cost_minor: unit_cost }));
    }
    let (free, reserved_after) = if m.from_reservation {
        if quantity > balance.reserved {
            return Err(StockError::NotReserved { reserved: balance.reserved, requested: quantity });
        }
        (balance.on_hand, balance.reserved - quantity)
    } else {
        (balance.available(), balance.reserved)
    };
    if quantity > free {
        return Err(StockError::Insufficient { available: free, requested: quantity });
    }
    let on_hand = balance.on_hand - quantity;
    // The units leaving take their share of the value; the last unit takes the rest.
    let value_out = if on_hand == 0 {
        balance.value_minor
    } else {
        div_round(i128::from(balance.value_minor) * i128::from(quantity), i128::from(balance.on_hand))
    };
    let after = Balance { on_hand, reserved: reserved_after, value_minor: balance.value_minor - value_out };
    let unit_cost = div_round(i128::from(value_out), i128::from(quantity));
    Ok((after, Effect { quantity_delta: -quantity, value_delta_minor: -value_out, unit_cost_minor: unit_cost }))
}

/// Promises `quantity` units to a ticket.
pub fn reserve(balance: Balance, quantity: i64) -> Result<Balance, StockError> {
    if quantity <= 0 {
        return Err(StockError::NotPositive);
    }
    if quantity > balance.available() {
        return Err(StockError::Insufficient { available: balance.available(), requested: quantity });
    }
    Ok(Balance { reserved: balance.reserved + quantity, ..balance })
}

/// Gives back a promise.
pub fn release(balance: Balance, quantity: i64) -> Result<Balance, StockError> {
    if quantity <= 0 {
        return Err(StockError::NotPositive);
    }
    if quantity > balance.reserved {
        return Err(StockError::NotReserved { reserved: balance.reserved, requested: quantity });
    }
    Ok(Balance { reserved: balance.reserved - quantity, ..balance })
}

/// Parts issued to a ticket and not yet accounted for as used or returned.
pub fn unreconciled(issued: i64, used: i64, returned_unused: i64) -> i64 {
    (issued - used - returned_unused).max(0)
}

/// Who moved stock, why, and for which document.
#[derive(Debug, Clone, Default)]
pub struct MovementMeta {
    pub actor_id: Option<UserId>,
    pub reason: Option<String>,
    pub document_kind: Option<String>,
    pub document_id: Option<Uuid>,
    pub ticket_id: Option<TicketId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerRow {
    pub id: MovementId,
    pub warehouse_id: WarehouseId,
    pub part_id: PartId,
    pub kind: MovementKind,
    pub quantity_delta: i64,
    pub value_delta_minor: i64,
    pub unit_cost_minor: i64,
    pub on_hand_after: i64,
    pub actor_id: Option<UserId>,
    pub reason: Option<String>,
    pub document_kind: Option<String>,
    pub document_id: Option<Uuid>,
    pub ticket_id: Option<TicketId>,
    pub at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn receipt(quantity: i64, cost: i64) -> Movement {
        Movement { kind: MovementKind::PurchaseReceipt, quantity, unit_cost_minor: Some(cost), from_reservation: false }
    }

    fn out(kind: MovementKind, quantity: i64) -> Movement {
        Movement { kind, quantity, unit_cost_minor: None, from_reservation: false }
    }

    #[test]
    fn receipts_average_their_costs() {
        let (b, _) = apply(Balance::default(), receipt(10, 100_000)).unwrap_or_else(|e| panic!("{e}"));
        let (b, _) = apply(b, receipt(10, 120_000)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(b, Balance { on_hand: 20, reserved: 0, value_minor: 2_200_000 });
        assert_eq!(b.average_cost_minor(), 110_000);
    }

    #[test]
    fn the_last_unit_out_takes_the_remaining_value() {
        let (b, _) = apply(Balance::default(), receipt(3, 100)).unwrap_or_else(|e| panic!("{e}"));
        let (b, _) = apply(b, receipt(1, 101)).unwrap_or_else(|e| panic!("{e}"));
        let (b, e1) = apply(b, out(MovementKind::Sale, 3)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(e1.value_delta_minor, -301, "401 × 3/4 = 300.75, rounded");
        let (b, e2) = apply(b, out(MovementKind::Sale, 1)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(b, Balance::default());
        assert_eq!(e1.value_delta_minor + e2.value_delta_minor, -401);
    }

    #[test]
    fn nothing_leaves_that_is_not_there_or_is_promised() {
        let (b, _) = apply(Balance::default(), receipt(10, 5)).unwrap_or_else(|e| panic!("{e}"));
        let b = reserve(b, 8).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(apply(b, out(MovementKind::Sale, 3)), Err(StockError::Insufficient { available: 2, requested: 3 }));
        let issue = Movement { from_reservation: true, ..out(MovementKind::IssueToTicket, 8) };
        let (b, _) = apply(b, issue).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(b, Balance { on_hand: 2, reserved: 0, value_minor: 10 });
        assert_eq!(reserve(b, 3), Err(StockError::Insufficient { available: 2, requested: 3 }));
    }

    #[test]
    fn a_receipt_without_a_cost_and_a_zero_quantity_are_refused() {
        let no_cost = Movement { unit_cost_minor: None, ..receipt(1, 0) };
        assert_eq!(apply(Balance::default(), no_cost), Err(StockError::MissingCost));
        assert_eq!(apply(Balance::default(), receipt(0, 5)), Err(StockError::NotPositive));
    }

    #[test]
    fn a_stocktake_moves_either_way() {
        let (b, _) = apply(Balance::default(), receipt(5, 10)).unwrap_or_else(|e| panic!("{e}"));
        let count = |q| Movement {
            kind: MovementKind::StocktakeAdjustment,
            quantity: q,
            unit_cost_minor: None,
            from_reservation: false,
        };
        let (b, e) = apply(b, count(-2)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((b.on_hand, e.quantity_delta), (3, -2));
        let (b, e) = apply(b, count(1)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((b.on_hand, e.value_delta_minor), (4, 10));
    }

    #[test]
    fn what_is_issued_must_be_used_or_returned() {
        assert_eq!(unreconciled(3, 2, 0), 1);
        assert_eq!(unreconciled(3, 2, 1), 0);
    }
}
