//! The stock of one part in one warehouse: how many are on hand, how many of them
//! are promised to tickets, and what they cost together. Only the ledger rules
//! (`super::ledger`) change a balance; everything else reads it.
use crate::ids::{PartId, WarehouseId};
use chrono::{DateTime, Utc};

use super::ledger::average;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Balance {
    pub on_hand: i64,
    /// Promised to tickets, not yet issued.
    pub reserved: i64,
    /// What the units on hand cost, in minor units of the part's currency.
    pub value_minor: i64,
}

impl Balance {
    /// What can still be issued or reserved.
    pub fn available(&self) -> i64 {
        self.on_hand - self.reserved
    }

    /// The moving-average cost of one unit, rounded; 0 on an empty shelf.
    pub fn average_cost_minor(&self) -> i64 {
        average(self.value_minor, self.on_hand)
    }
}

/// The balance of a part in a warehouse as last changed at `updated_at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StockLine {
    pub warehouse_id: WarehouseId,
    pub part_id: PartId,
    pub balance: Balance,
    pub updated_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_promised_is_not_available() {
        let b = Balance { on_hand: 5, reserved: 2, value_minor: 500 };
        assert_eq!(b.available(), 3);
        assert_eq!(b.average_cost_minor(), 100);
    }

    #[test]
    fn an_empty_shelf_costs_nothing_per_unit() {
        assert_eq!(Balance::default().average_cost_minor(), 0);
    }
}
