//! Tests of `document.rs`, kept apart so the rules read on one screen.
use chrono::TimeZone;
use proptest::prelude::*;

use super::*;
use crate::ids::numbered as part;

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, minute, 0).single().unwrap_or_default()
}

fn draft(quantities: &[i64]) -> Transfer {
    Transfer {
        id: part(100),
        number: "TR-HN01-2026-000001".into(),
        from_warehouse_id: part(200),
        to_warehouse_id: part(201),
        from_branch_id: part(300),
        to_branch_id: part(301),
        status: TransferStatus::Draft,
        note: None,
        created_by: None,
        created_at: at(0),
        shipped_by: None,
        shipped_at: None,
        received_at: None,
        closed_by: None,
        closed_at: None,
        updated_at: at(0),
        version: 1,
        lines: (1..)
            .zip(quantities)
            .map(|(n, &quantity)| TransferLineRow {
                line_no: n,
                part_id: part(n as u128),
                line: TransferLine { quantity, ..Default::default() },
                shipped_unit_cost_minor: None,
                discrepancy_note: None,
            })
            .collect(),
    }
}

fn shipped(quantities: &[i64]) -> Transfer {
    let mut t = draft(quantities);
    t.ship(part(9), at(1)).unwrap_or_else(|e| panic!("{e:?}"));
    t
}

#[test]
fn shipping_takes_every_line_out_once() {
    let mut t = draft(&[3, 5]);
    let leaving = t.ship(part(9), at(1)).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(leaving.iter().map(|m| (m.index, m.quantity)).collect::<Vec<_>>(), vec![(0, 3), (1, 5)]);
    assert_eq!((t.status, t.shipped_by, t.shipped_at), (TransferStatus::Shipped, Some(part(9)), Some(at(1))));
    assert_eq!(t.lines[1].line.in_transit(), 5);
    t.left_at_cost(1, 1_250);
    assert_eq!((t.arrival_cost(1), t.arrival_cost(0)), (1_250, 0));
    let again = t.ship(part(9), at(2)).map_err(|r| r.field);
    assert_eq!(again, Err("status".to_owned()));
}

#[test]
fn a_receipt_names_the_line_it_refuses() {
    let mut t = shipped(&[3, 5]);
    let too_many = [Arrived { part_id: part(1), quantity: 1 }, Arrived { part_id: part(2), quantity: 6 }];
    let refused = t.clone().receive(&too_many, at(2)).map_err(|r| r.field);
    assert_eq!(refused, Err("lines[1].quantity".to_owned()));
    let twice = [Arrived { part_id: part(2), quantity: 1 }, Arrived { part_id: part(2), quantity: 1 }];
    let refused = t.clone().receive(&twice, at(2));
    assert_eq!(refused, Err(Refused::at("lines[1].part_id", TransferError::Duplicate)));
    let stranger = [Arrived { part_id: part(7), quantity: 1 }];
    assert_eq!(t.clone().receive(&stranger, at(2)), Err(Refused::at("lines[0].part_id", TransferError::NotOnTransfer)));

    let some = [Arrived { part_id: part(2), quantity: 2 }];
    let moves = t.receive(&some, at(2)).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(moves, vec![LineMove { index: 1, part_id: part(2), quantity: 2 }]);
    assert_eq!((t.status, t.received_at), (TransferStatus::PartiallyReceived, None));
    let rest = [Arrived { part_id: part(1), quantity: 3 }, Arrived { part_id: part(2), quantity: 3 }];
    t.receive(&rest, at(3)).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((t.status, t.received_at), (TransferStatus::Received, Some(at(3))));
}

#[test]
fn closing_accounts_for_everything_in_transit() {
    let mut t = shipped(&[3, 5]);
    t.receive(&[Arrived { part_id: part(2), quantity: 5 }], at(2)).unwrap_or_else(|e| panic!("{e:?}"));
    let wrong = [Missing { part_id: part(1), missing: 2, note: "lost".into() }];
    let refused = t.clone().close_with_discrepancy(&wrong, part(9), at(3)).map_err(|r| r.field);
    assert_eq!(refused, Err("lines[0].missing".to_owned()));
    let left_out = t.clone().close_with_discrepancy(&[], part(9), at(3));
    let unaccounted = TransferError::Unaccounted { part_id: part(1), in_transit: 3 };
    assert_eq!(left_out, Err(Refused::at("lines", unaccounted)));

    let all = [Missing { part_id: part(1), missing: 3, note: "  fell off the truck ".into() }];
    t.close_with_discrepancy(&all, part(9), at(4)).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((t.status, t.closed_by, t.closed_at), (TransferStatus::Closed, Some(part(9)), Some(at(4))));
    assert_eq!(t.lines[0].discrepancy_note.as_deref(), Some("fell off the truck"));
    assert_eq!(t.received_at, Some(at(4)));
}

#[derive(Debug, Clone)]
enum Step {
    Receive(usize, i64),
    Close(Vec<i64>),
}

proptest! {
    /// Whatever receipts and closings are tried, in transit = shipped −
    /// received − missing on every line and never negative, and a refused
    /// step leaves the transfer as it was.
    #[test]
    fn in_transit_is_shipped_less_received_and_missing_and_never_negative(
        quantities in prop::collection::vec(1_i64..40, 1..5),
        steps in prop::collection::vec(prop_oneof![
            (0_usize..6, -3_i64..50).prop_map(|(l, q)| Step::Receive(l, q)),
            prop::collection::vec(-2_i64..45, 0..6).prop_map(Step::Close),
        ], 0..20),
    ) {
        let mut t = shipped(&quantities);
        for (minute, step) in (2..).zip(steps) {
            let before = t.clone();
            let done = match step {
                Step::Receive(l, q) => t.receive(&[Arrived { part_id: part(l as u128 + 1), quantity: q }], at(minute)).map(drop),
                Step::Close(counts) => {
                    let missing: Vec<Missing> = (1..).zip(counts).map(|(n, m)| Missing { part_id: part(n), missing: m, note: String::new() }).collect();
                    t.close_with_discrepancy(&missing, part(9), at(minute))
                }
            };
            if done.is_err() {
                prop_assert_eq!(&t, &before);
            }
            for row in &t.lines {
                prop_assert_eq!(row.line.in_transit(), row.line.shipped - row.line.received - row.line.missing);
                prop_assert!(row.line.in_transit() >= 0);
            }
        }
    }
}
