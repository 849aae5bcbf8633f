//! Properties of a ticket's part line over random sequences of requests: whatever
//! is asked, the promise never goes negative and is the shelf's, every unit issued
//! is used, returned or outstanding, and no unit is lost or made on the shelf.
use proptest::prelude::*;

use super::Outcome;
use super::line::tests::empty_line;
use crate::stock::ledger::{self, Balance, StockError};

#[derive(Debug, Clone, Copy)]
enum Step {
    Reserve(i64),
    Release(i64),
    Issue(i64),
    Record(Outcome),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (-2_i64..8).prop_map(Step::Reserve),
        (-2_i64..8).prop_map(Step::Release),
        (-2_i64..8).prop_map(Step::Issue),
        (-1_i64..5, -1_i64..5, -1_i64..5).prop_map(|(used, returned_unused, defective)| Step::Record(Outcome {
            used,
            returned_unused,
            defective
        })),
    ]
}

proptest! {
    #[test]
    fn whatever_is_asked_the_line_adds_up(
        on_hand in 0_i64..30,
        cost in 0_i64..1_000,
        steps in prop::collection::vec(step(), 1..60),
    ) {
        let start = Balance { on_hand, reserved: 0, value_minor: on_hand * cost };
        let (mut stock, mut line) = (start, empty_line());
        for step in steps {
            // The shelf's promise follows the line's; whether it has the units is its rule.
            let change = match step {
                Step::Reserve(q) => ledger::reserve(stock, q).ok().zip(line.reserve(q).ok()),
                Step::Release(q) => ledger::release(stock, q).ok().zip(line.release(q).ok()),
                Step::Issue(q) => line.issue(q, stock).ok().map(|c| (stock, c)),
                Step::Record(o) => line.record(o).ok().map(|c| (stock, c)),
            };
            let Some((promised, change)) = change else { continue };
            stock = promised;
            for &movement in &change.movements {
                let moved = ledger::apply(stock, movement);
                prop_assert!(moved.is_ok(), "the shelf refused {:?}: {:?}", movement, moved);
                stock = moved.map(|(after, _)| after).unwrap_or(stock);
            }
            line = change.line;
            let c = line.counts;
            prop_assert!(c.reserved >= 0, "reserved never negative: {:?}", c);
            prop_assert!(c.reserved <= stock.reserved, "the line's promise is the shelf's: {:?} {:?}", c, stock);
            prop_assert_eq!(c.issued, c.used + c.returned_unused + c.outstanding());
            prop_assert!(c.defective_returned <= c.used);
            prop_assert_eq!(stock.on_hand, start.on_hand - c.issued + c.returned_unused, "no unit lost or made");
            prop_assert!(line.issued_value_minor >= 0);
        }
    }

    #[test]
    fn an_issue_is_refused_only_beyond_the_reservation_and_free_stock(
        on_hand in 0_i64..20,
        promised_elsewhere in 0_i64..20,
        reserved in 0_i64..20,
        quantity in 1_i64..40,
    ) {
        let stock_reserved = (reserved + promised_elsewhere).min(on_hand);
        let reserved = reserved.min(stock_reserved);
        let stock = Balance { on_hand, reserved: stock_reserved, value_minor: on_hand * 100 };
        let line = empty_line();
        let line = if reserved > 0 { line.reserve(reserved).unwrap_or_else(|e| panic!("{e}")).line } else { line };
        let for_the_ticket = reserved + stock.available();
        match line.issue(quantity, stock) {
            Ok(issued) => {
                prop_assert!(quantity <= for_the_ticket);
                prop_assert_eq!(issued.line.counts.reserved, reserved - reserved.min(quantity));
                prop_assert_eq!(issued.movements.iter().map(|m| m.quantity).sum::<i64>(), quantity);
                prop_assert_eq!(issued.line.issued_value_minor, quantity * 100);
            }
            Err(refused) => {
                prop_assert!(quantity > for_the_ticket);
                prop_assert_eq!(refused, StockError::Insufficient { available: for_the_ticket, requested: quantity });
            }
        }
    }
}
