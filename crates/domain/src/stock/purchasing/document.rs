//! A purchase order as a whole: its lines and who took each step when. Each step
//! changes the order in place and says what stock it moves, or refuses naming the
//! request's field; the caller moves the stock and saves the order.
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::{
    PurchaseAction, PurchaseError, PurchaseLine, PurchaseOrderStatus, cancel, check, order, receive, status_after,
};
use crate::stock::documents::{LineMismatch, Refused, line_indexes};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurchaseOrder {
    pub id: Uuid,
    /// `PO-HN01-2026-000001`: the receiving warehouse's branch series.
    pub number: String,
    pub branch_id: Uuid,
    pub warehouse_id: Uuid,
    pub supplier_name: String,
    pub brand_id: Option<Uuid>,
    /// The currency of every line's cost (and of its parts).
    pub currency: String,
    pub status: PurchaseOrderStatus,
    pub expected_on: Option<NaiveDate>,
    pub note: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub ordered_by: Option<Uuid>,
    pub ordered_at: Option<DateTime<Utc>>,
    pub received_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
    pub lines: Vec<PurchaseOrderLine>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurchaseOrderLine {
    pub line_no: i32,
    pub part_id: Uuid,
    pub ordered: i64,
    pub unit_cost_minor: i64,
    pub received: i64,
}

impl PurchaseOrderLine {
    /// Ordered and not yet arrived.
    pub fn outstanding(&self) -> i64 {
        self.counts().outstanding()
    }

    fn counts(&self) -> PurchaseLine {
        PurchaseLine { ordered: self.ordered, received: self.received }
    }
}

/// A line as written on a draft, checked by the caller (active parts costed in
/// the order's currency, each once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLine {
    pub part_id: Uuid,
    pub quantity: i64,
    pub unit_cost_minor: i64,
}

impl NewLine {
    /// The line numbered `line_no` of a draft: nothing received yet.
    pub fn numbered(&self, line_no: i32) -> PurchaseOrderLine {
        PurchaseOrderLine {
            line_no,
            part_id: self.part_id,
            ordered: self.quantity,
            unit_cost_minor: self.unit_cost_minor,
            received: 0,
        }
    }
}

/// What a change of a draft says; `None` leaves a field as it is (`Some(None)` clears).
#[derive(Debug, Clone, Default)]
pub struct Revision {
    pub supplier_name: Option<String>,
    pub brand_id: Option<Option<Uuid>>,
    pub expected_on: Option<Option<NaiveDate>>,
    pub note: Option<Option<String>>,
    /// Replaces every line.
    pub lines: Option<Vec<NewLine>>,
}

/// What arrived of one part, as a receipt names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrived {
    pub part_id: Uuid,
    pub quantity: i64,
    /// What the invoice says a unit cost, if not the order's price.
    pub unit_cost_minor: Option<i64>,
}

/// Stock a receipt brings in for one line of the order, at the cost paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineReceipt {
    /// The line of the order (index into `lines`).
    pub index: usize,
    pub part_id: Uuid,
    pub quantity: i64,
    pub unit_cost_minor: i64,
}

impl PurchaseOrder {
    /// May the order, as it stands, take this step? (409 on `status` otherwise.)
    pub fn may(&self, action: PurchaseAction) -> Result<(), Refused<PurchaseError>> {
        check(self.status, action).map_err(Refused::status)
    }

    /// Changes a draft; its warehouse and currency stay. New lines replace the
    /// old ones, numbered from 1.
    pub fn revise(&mut self, revision: Revision) -> Result<(), Refused<PurchaseError>> {
        self.may(PurchaseAction::Edit)?;
        let Revision { supplier_name, brand_id, expected_on, note, lines } = revision;
        if let Some(v) = supplier_name {
            self.supplier_name = v;
        }
        if let Some(v) = brand_id {
            self.brand_id = v;
        }
        if let Some(v) = expected_on {
            self.expected_on = v;
        }
        if let Some(v) = note {
            self.note = v;
        }
        if let Some(lines) = lines {
            self.lines = (1..).zip(&lines).map(|(line_no, line)| line.numbered(line_no)).collect();
        }
        Ok(())
    }

    /// Sends the draft to the supplier, by `by` at `at`: it needs a line.
    pub fn order(&mut self, by: Uuid, at: DateTime<Utc>) -> Result<(), Refused<PurchaseError>> {
        self.status = order(self.status, &self.counts()).map_err(Refused::status)?;
        self.ordered_by = Some(by);
        self.ordered_at = Some(at);
        Ok(())
    }

    /// Cancels the order at `at`, while nothing of it has arrived.
    pub fn cancel(&mut self, at: DateTime<Utc>) -> Result<(), Refused<PurchaseError>> {
        self.status = cancel(self.status, &self.counts()).map_err(Refused::status)?;
        self.cancelled_at = Some(at);
        Ok(())
    }

    /// Receives what arrived, at `at`: never more of a part than is outstanding
    /// (refused naming `lines[i].quantity`); a part not on the order or named twice
    /// is refused naming `lines[i].part_id`. All lines or none. Answers what comes
    /// in, line by line, at the invoice's cost or else the order's. Once nothing is
    /// outstanding, the order is received.
    pub fn receive(
        &mut self,
        arrived: &[Arrived],
        at: DateTime<Utc>,
    ) -> Result<Vec<LineReceipt>, Refused<PurchaseError>> {
        self.may(PurchaseAction::Receive)?;
        let indexes = line_indexes(self.lines.iter().map(|l| l.part_id), arrived.iter().map(|a| a.part_id)).map_err(
            |(i, mismatch)| {
                let reason = match mismatch {
                    LineMismatch::NotOnDocument => PurchaseError::NotOnOrder,
                    LineMismatch::Duplicate => PurchaseError::Duplicate,
                };
                Refused::at(format!("lines[{i}].part_id"), reason)
            },
        )?;
        let mut lines = self.lines.clone();
        let mut coming_in = Vec::with_capacity(arrived.len());
        for (i, (wanted, &index)) in arrived.iter().zip(&indexes).enumerate() {
            let line = &mut lines[index];
            line.received = receive(line.counts(), wanted.quantity)
                .map_err(|e| Refused::at(format!("lines[{i}].quantity"), e))?
                .received;
            coming_in.push(LineReceipt {
                index,
                part_id: line.part_id,
                quantity: wanted.quantity,
                unit_cost_minor: wanted.unit_cost_minor.unwrap_or(line.unit_cost_minor),
            });
        }
        self.lines = lines;
        self.status = status_after(&self.counts());
        if self.status == PurchaseOrderStatus::Received {
            self.received_at = Some(at);
        }
        Ok(coming_in)
    }

    /// The lines' counts, as the rules of a purchase see them.
    fn counts(&self) -> Vec<PurchaseLine> {
        self.lines.iter().map(PurchaseOrderLine::counts).collect()
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::*;

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, 9, minute, 0).single().unwrap_or_default()
    }

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn draft(quantities: &[i64]) -> PurchaseOrder {
        PurchaseOrder {
            id: id(100),
            number: "PO-HN01-2026-000001".into(),
            branch_id: id(300),
            warehouse_id: id(200),
            supplier_name: "Parts Co".into(),
            brand_id: None,
            currency: "VND".into(),
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
                .map(|(n, &quantity)| NewLine { part_id: id(n as u128), quantity, unit_cost_minor: 1_000 }.numbered(n))
                .collect(),
        }
    }

    fn ordered(quantities: &[i64]) -> PurchaseOrder {
        let mut o = draft(quantities);
        o.order(id(9), at(1)).unwrap_or_else(|e| panic!("{e:?}"));
        o
    }

    fn arrived(part: u128, quantity: i64) -> Arrived {
        Arrived { part_id: id(part), quantity, unit_cost_minor: None }
    }

    #[test]
    fn a_draft_is_revised_then_ordered_and_then_stays() {
        let mut o = draft(&[2]);
        let lines = vec![NewLine { part_id: id(7), quantity: 4, unit_cost_minor: 250 }];
        let revision = Revision { note: Some(Some("urgent".into())), lines: Some(lines), ..Revision::default() };
        o.revise(revision.clone()).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((o.note.as_deref(), o.supplier_name.as_str()), (Some("urgent"), "Parts Co"));
        assert_eq!(
            o.lines,
            vec![PurchaseOrderLine { line_no: 1, part_id: id(7), ordered: 4, unit_cost_minor: 250, received: 0 }]
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

        let invoiced = Arrived { unit_cost_minor: Some(1_200), ..arrived(2, 2) };
        let moves = o.receive(&[invoiced], at(2)).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(moves, vec![LineReceipt { index: 1, part_id: id(2), quantity: 2, unit_cost_minor: 1_200 }]);
        assert_eq!((o.status, o.received_at), (PurchaseOrderStatus::PartiallyReceived, None));
        assert_eq!(o.cancel(at(3)), Err(Refused::status(PurchaseError::AlreadyReceived)));
        let moves = o.receive(&[arrived(1, 3), arrived(2, 3)], at(3)).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(moves[0].unit_cost_minor, 1_000);
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
}
