//! Stocktakes: a count sheet for a warehouse is opened (what the books expect of
//! each part is noted), counted, and posted: each part is then adjusted so that
//! the books show what was counted.
//!
//! Posting adjusts against the stock on hand *at posting*, not the expected
//! quantity noted at opening: a part issued or received while the count was going
//! on moved on the books and on the shelf alike, so the count already reflects it
//! (counted after the movement) and adjusting from the opening snapshot would undo
//! it. The count is taken to be what is on the shelf when it is posted.
//!
//! Stock promised to tickets stays promised: a count below the reserved quantity
//! cannot be posted (the ledger would refuse it as an outgoing movement larger than
//! what is available); the reservations have to be released first.
mod document;

pub use document::{Adjustment, Stocktake, StocktakeLine};

use super::MovementKind;
use super::ledger::{Balance, Movement};
use crate::tickets::named_enum;

named_enum!(
    /// Where a count sheet is in its life.
    StocktakeStatus {
        /// Open: counts are being entered.
        Counting = "counting",
        /// Adjusted on the books; closed.
        Posted = "posted",
        /// Closed without adjusting anything.
        Cancelled = "cancelled",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StocktakeError {
    #[error("this stocktake is {}; it no longer changes", .0.as_str())]
    Closed(StocktakeStatus),
}

/// Counts may be entered, and the sheet posted or cancelled, only while counting.
pub fn ensure_open(status: StocktakeStatus) -> Result<(), StocktakeError> {
    match status {
        StocktakeStatus::Counting => Ok(()),
        closed => Err(StocktakeError::Closed(closed)),
    }
}

/// How many more (positive) or fewer (negative) were counted than the books hold.
pub fn variance(counted: i64, on_hand: i64) -> i64 {
    counted.saturating_sub(on_hand)
}

/// What a variance is worth at the stock's moving-average cost.
pub fn variance_value(variance: i64, balance: Balance) -> i64 {
    variance.saturating_mul(balance.average_cost_minor())
}

/// One line of a sheet at posting: its count and the stock as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostingLine<K> {
    pub key: K,
    pub counted: Option<i64>,
    pub balance: Balance,
}

/// Why a sheet cannot be posted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostingRefusal<K> {
    /// Lines nobody has counted yet.
    Uncounted(Vec<K>),
    /// Lines counted below what is promised to tickets: (line, counted, reserved).
    BelowReserved(Vec<(K, i64, i64)>),
}

/// The adjustment posting makes for each line whose count differs from the stock
/// on hand now (lines that agree move nothing), or why it cannot post.
pub fn plan<K: Clone>(lines: &[PostingLine<K>]) -> Result<Vec<(K, i64)>, PostingRefusal<K>> {
    let uncounted: Vec<K> = lines.iter().filter(|l| l.counted.is_none()).map(|l| l.key.clone()).collect();
    if !uncounted.is_empty() {
        return Err(PostingRefusal::Uncounted(uncounted));
    }
    let below: Vec<(K, i64, i64)> = lines
        .iter()
        .filter_map(|l| {
            let counted = l.counted.unwrap_or_default();
            (counted < l.balance.reserved).then(|| (l.key.clone(), counted, l.balance.reserved))
        })
        .collect();
    if !below.is_empty() {
        return Err(PostingRefusal::BelowReserved(below));
    }
    Ok(lines
        .iter()
        .filter_map(|l| {
            let delta = variance(l.counted.unwrap_or_default(), l.balance.on_hand);
            (delta != 0).then(|| (l.key.clone(), delta))
        })
        .collect())
}

/// The ledger movement of one adjustment.
pub fn adjustment(delta: i64) -> Movement {
    Movement {
        kind: MovementKind::StocktakeAdjustment,
        quantity: delta,
        unit_cost_minor: None,
        from_reservation: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stock::ledger::{StockError, apply};
    use proptest::prelude::*;

    fn line(key: &'static str, counted: Option<i64>, on_hand: i64, reserved: i64) -> PostingLine<&'static str> {
        PostingLine { key, counted, balance: Balance { on_hand, reserved, value_minor: on_hand * 100 } }
    }

    #[test]
    fn only_differences_move() {
        let lines = [line("a", Some(5), 5, 0), line("b", Some(3), 5, 1), line("c", Some(7), 5, 0)];
        assert_eq!(plan(&lines), Ok(vec![("b", -2), ("c", 2)]));
    }

    #[test]
    fn a_sheet_with_uncounted_lines_is_not_posted() {
        let lines = [line("a", None, 5, 0), line("b", Some(1), 5, 3), line("c", None, 0, 0)];
        assert_eq!(plan(&lines), Err(PostingRefusal::Uncounted(vec!["a", "c"])));
    }

    #[test]
    fn a_count_below_the_reserved_quantity_is_refused_and_the_ledger_agrees() {
        let lines = [line("a", Some(1), 5, 3), line("b", Some(3), 5, 3)];
        assert_eq!(plan(&lines), Err(PostingRefusal::BelowReserved(vec![("a", 1, 3)])));
        // The same rule, from the ledger's side: taking 4 of 5 when 3 are promised.
        let b = lines[0].balance;
        assert_eq!(apply(b, adjustment(-4)), Err(StockError::Insufficient { available: 2, requested: 4 }));
        // Down to exactly the reserved quantity is allowed.
        assert_eq!(plan(&[line("a", Some(3), 5, 3)]), Ok(vec![("a", -2)]));
    }

    #[test]
    fn a_closed_sheet_does_not_change() {
        assert_eq!(ensure_open(StocktakeStatus::Counting), Ok(()));
        assert_eq!(ensure_open(StocktakeStatus::Posted), Err(StocktakeError::Closed(StocktakeStatus::Posted)));
        assert_eq!(ensure_open(StocktakeStatus::Cancelled), Err(StocktakeError::Closed(StocktakeStatus::Cancelled)));
    }

    #[test]
    fn a_variance_is_valued_at_the_average_cost() {
        let b = Balance { on_hand: 4, reserved: 0, value_minor: 1_000 };
        assert_eq!(variance_value(variance(2, 4), b), -500);
        assert_eq!(variance_value(variance(6, 4), b), 500);
    }

    proptest! {
        /// Whatever the books say and whatever was counted, posting makes the books
        /// show the count for every line, or refuses (nothing moved) when a count
        /// is below what is promised.
        #[test]
        fn posting_makes_on_hand_equal_the_count(
            stock in prop::collection::vec((0_i64..500, 0_i64..500, 0_i64..1_000_000, 0_i64..600), 1..30)
        ) {
            let lines: Vec<PostingLine<usize>> = stock
                .iter()
                .enumerate()
                .map(|(i, &(on_hand, reserved, cost, counted))| {
                    let reserved = reserved.min(on_hand);
                    PostingLine { key: i, counted: Some(counted), balance: Balance { on_hand, reserved, value_minor: on_hand * cost } }
                })
                .collect();
            let any_below = lines.iter().any(|l| l.counted.unwrap_or_default() < l.balance.reserved);
            match plan(&lines) {
                Err(PostingRefusal::BelowReserved(refused)) => {
                    prop_assert!(any_below);
                    for (i, counted, reserved) in refused {
                        prop_assert!(counted < reserved);
                        prop_assert!(apply(lines[i].balance, adjustment(counted - lines[i].balance.on_hand)).is_err());
                    }
                }
                Err(other) => prop_assert!(false, "unexpected {other:?}"),
                Ok(adjustments) => {
                    prop_assert!(!any_below);
                    let mut books: Vec<Balance> = lines.iter().map(|l| l.balance).collect();
                    for (i, delta) in adjustments {
                        let (after, effect) = apply(books[i], adjustment(delta))
                            .unwrap_or_else(|e| panic!("line {i}: {e}"));
                        prop_assert_eq!(effect.quantity_delta, delta);
                        books[i] = after;
                    }
                    for (line, after) in lines.iter().zip(books) {
                        prop_assert_eq!(Some(after.on_hand), line.counted);
                        prop_assert_eq!(after.reserved, line.balance.reserved);
                        if after.on_hand == 0 { prop_assert_eq!(after.value_minor, 0); }
                    }
                }
            }
        }
    }
}
