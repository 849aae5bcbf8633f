//! Tests of `document.rs`, kept apart so the rules read on one screen.
use chrono::TimeZone;
use proptest::prelude::*;

use super::*;
use crate::ids::numbered as id;

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, minute, 0).single().unwrap_or_default()
}

fn vnd(minor: i64) -> Money {
    Money::new(minor, Currency::parse("VND").unwrap_or_else(|| panic!("VND")))
}

fn draft(quantities: &[i64]) -> PurchaseOrder {
    PurchaseOrder {
        id: id(100),
        number: "PO-HN01-2026-000001".into(),
        branch_id: id(300),
        warehouse_id: id(200),
        supplier_name: "Parts Co".into(),
        brand_id: None,
        currency: vnd(0).currency(),
        status: PurchaseOrderStatus::Draft,
        expected_on: None,
        note: None,
        created_by: None,
        created_at: at(0),
        ordered_by: None,
        ordered_at: None,
        received_at: None,
        cancelled_at: None,
        updated_at: at(0),
        version: 1,
        lines: (1..)
            .zip(quantities)
            .map(|(n, &quantity)| NewLine { part_id: id(n as u128), quantity, unit_cost: vnd(1_000) }.numbered(n))
            .collect(),
    }
}

fn ordered(quantities: &[i64]) -> PurchaseOrder {
    let mut o = draft(quantities);
    o.order(id(9), at(1)).unwrap_or_else(|e| panic!("{e:?}"));
    o
}

fn arrived(part: u128, quantity: i64) -> Arrived {
    Arrived { part_id: id(part), quantity, unit_cost: None }
}

#[test]
fn a_draft_is_revised_then_ordered_and_then_stays() {
    let mut o = draft(&[2]);
    let lines = vec![NewLine { part_id: id(7), quantity: 4, unit_cost: vnd(250) }];
    let revision = Revision { note: Some(Some("urgent".into())), lines: Some(lines), ..Revision::default() };
    o.revise(revision.clone()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((o.note.as_deref(), o.supplier_name.as_str()), (Some("urgent"), "Parts Co"));
    assert_eq!(
        o.lines,
        vec![PurchaseOrderLine { line_no: 1, part_id: id(7), ordered: 4, unit_cost: vnd(250), received: 0 }]
    );
    o.order(id(9), at(1)).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((o.status, o.ordered_by, o.ordered_at), (PurchaseOrderStatus::Ordered, Some(id(9)), Some(at(1))));
    assert_eq!(o.clone().revise(revision).map_err(|r| r.field), Err("status".to_owned()));
    let mut empty = draft(&[]);
    assert_eq!(empty.order(id(9), at(1)), Err(Refused::status(PurchaseError::NoLines)));
}

#[test]
fn receipts_name_the_line_they_refuse_and_cost_what_the_invoice_says() {
    let mut o = ordered(&[3, 5]);
    let over = o.clone().receive(&[arrived(1, 1), arrived(2, 6)], at(2));
    assert_eq!(over.map_err(|r| r.field), Err("lines[1].quantity".to_owned()));
    let twice = o.clone().receive(&[arrived(2, 1), arrived(2, 1)], at(2));
    assert_eq!(twice, Err(Refused::at("lines[1].part_id", PurchaseError::Duplicate)));
    let stranger = o.clone().receive(&[arrived(7, 1)], at(2));
    assert_eq!(stranger, Err(Refused::at("lines[0].part_id", PurchaseError::NotOnOrder)));

    let invoiced = Arrived { unit_cost: Some(vnd(1_200)), ..arrived(2, 2) };
    let moves = o.receive(&[invoiced], at(2)).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(moves, vec![LineReceipt { index: 1, part_id: id(2), quantity: 2, unit_cost: vnd(1_200) }]);
    assert_eq!((o.status, o.received_at), (PurchaseOrderStatus::PartiallyReceived, None));
    assert_eq!(o.cancel(at(3)), Err(Refused::status(PurchaseError::AlreadyReceived)));
    let moves = o.receive(&[arrived(1, 3), arrived(2, 3)], at(3)).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(moves[0].unit_cost, vnd(1_000));
    assert_eq!((o.status, o.received_at), (PurchaseOrderStatus::Received, Some(at(3))));
}

#[test]
fn an_order_nothing_arrived_against_is_cancelled() {
    let mut o = ordered(&[3]);
    o.cancel(at(4)).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((o.status, o.cancelled_at), (PurchaseOrderStatus::Cancelled, Some(at(4))));
}

proptest! {
    /// Whatever receipts are tried, every line's received stays within 0 and
    /// what was ordered, and a refused receipt changes nothing.
    #[test]
    fn received_stays_within_ordered(
        quantities in prop::collection::vec(1_i64..40, 1..5),
        receipts in prop::collection::vec(prop::collection::vec((1_u128..6, -3_i64..50), 1..4), 0..20),
    ) {
        let mut o = ordered(&quantities);
        for (minute, lines) in (2..).zip(receipts) {
            let before = o.clone();
            let wanted: Vec<Arrived> = lines.iter().map(|&(part, q)| arrived(part, q)).collect();
            if o.receive(&wanted, at(minute)).is_err() {
                prop_assert_eq!(&o, &before);
            }
            for line in &o.lines {
                prop_assert!(line.received >= 0 && line.received <= line.ordered);
            }
            prop_assert_eq!(o.status == PurchaseOrderStatus::Received, o.lines.iter().all(|l| l.outstanding() == 0));
        }
    }
}
