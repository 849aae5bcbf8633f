//! A purchase order as a whole: its lines and who took each step when. Each step
//! changes the order in place and says what stock it moves, or refuses naming the
//! request's field; the caller moves the stock and saves the order.
use crate::ids::{BranchId, BrandId, PartId, PurchaseOrderId, UserId, WarehouseId};
use chrono::{DateTime, NaiveDate, Utc};

use crate::money::{Currency, Money};

use super::{
    PurchaseAction, PurchaseError, PurchaseLine, PurchaseOrderStatus, cancel, check, order, receive, status_after,
};
use crate::stock::documents::{LineMismatch, Refused, line_indexes};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurchaseOrder {
    pub id: PurchaseOrderId,
    /// `PO-HN01-2026-000001`: the receiving warehouse's branch series.
    pub number: String,
    pub branch_id: BranchId,
    pub warehouse_id: WarehouseId,
    pub supplier_name: String,
    pub brand_id: Option<BrandId>,
    /// The currency of every line's cost (and of its parts).
    pub currency: Currency,
    pub status: PurchaseOrderStatus,
    pub expected_on: Option<NaiveDate>,
    pub note: Option<String>,
    pub created_by: Option<UserId>,
    pub created_at: DateTime<Utc>,
    pub ordered_by: Option<UserId>,
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
    pub part_id: PartId,
    pub ordered: i64,
    pub unit_cost: Money,
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
    pub part_id: PartId,
    pub quantity: i64,
    pub unit_cost: Money,
}

impl NewLine {
    /// The line numbered `line_no` of a draft: nothing received yet.
    pub fn numbered(&self, line_no: i32) -> PurchaseOrderLine {
        PurchaseOrderLine {
            line_no,
            part_id: self.part_id,
            ordered: self.quantity,
            unit_cost: self.unit_cost,
            received: 0,
        }
    }
}

/// What a change of a draft says; `None` leaves a field as it is (`Some(None)` clears).
#[derive(Debug, Clone, Default)]
pub struct Revision {
    pub supplier_name: Option<String>,
    pub brand_id: Option<Option<BrandId>>,
    pub expected_on: Option<Option<NaiveDate>>,
    pub note: Option<Option<String>>,
    /// Replaces every line.
    pub lines: Option<Vec<NewLine>>,
}

/// What arrived of one part, as a receipt names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrived {
    pub part_id: PartId,
    pub quantity: i64,
    /// What the invoice says a unit cost, if not the order's price.
    pub unit_cost: Option<Money>,
}

/// Stock a receipt brings in for one line of the order, at the cost paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineReceipt {
    /// The line of the order (index into `lines`).
    pub index: usize,
    pub part_id: PartId,
    pub quantity: i64,
    pub unit_cost: Money,
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
    pub fn order(&mut self, by: UserId, at: DateTime<Utc>) -> Result<(), Refused<PurchaseError>> {
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
                unit_cost: wanted.unit_cost.unwrap_or(line.unit_cost),
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
#[path = "document_tests.rs"]
mod tests;
