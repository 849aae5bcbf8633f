//! A transfer as a whole: its lines and who took each step when. Each step
//! changes the transfer in place and says what stock it moves, or refuses naming
//! the request's field; the caller moves the stock and saves the transfer.
use crate::ids::{BranchId, PartId, TransferId, UserId, WarehouseId};
use chrono::{DateTime, Utc};

use super::{TransferAction, TransferError, TransferLine, TransferStatus, check, receive, record_missing, ship};
use crate::stock::documents::{LineMismatch, Refused, line_indexes};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transfer {
    pub id: TransferId,
    /// `TR-HN01-2026-000001`: the source branch's series.
    pub number: String,
    pub from_warehouse_id: WarehouseId,
    pub to_warehouse_id: WarehouseId,
    pub from_branch_id: BranchId,
    pub to_branch_id: BranchId,
    pub status: TransferStatus,
    pub note: Option<String>,
    pub created_by: Option<UserId>,
    pub created_at: DateTime<Utc>,
    pub shipped_by: Option<UserId>,
    pub shipped_at: Option<DateTime<Utc>>,
    /// When the last unit arrived or the rest was written down as missing.
    pub received_at: Option<DateTime<Utc>>,
    pub closed_by: Option<UserId>,
    pub closed_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
    /// In the order they were given.
    pub lines: Vec<TransferLineRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferLineRow {
    pub line_no: i32,
    pub part_id: PartId,
    pub line: TransferLine,
    /// The moving-average cost the units left the source at, once shipped.
    pub shipped_unit_cost_minor: Option<i64>,
    pub discrepancy_note: Option<String>,
}

/// Stock a step moves for one line of the transfer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineMove {
    /// The line of the transfer (index into `lines`).
    pub index: usize,
    pub part_id: PartId,
    pub quantity: i64,
}

/// What arrived of one part, as a receipt names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrived {
    pub part_id: PartId,
    pub quantity: i64,
}

/// What never arrived of one part, and why, as a closing names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub part_id: PartId,
    pub missing: i64,
    pub note: String,
}

impl Transfer {
    /// May the transfer, as it stands, take this step? (409 on `status` otherwise.)
    pub fn may(&self, action: TransferAction) -> Result<(), Refused<TransferError>> {
        check(self.status, action).map_err(Refused::status)
    }

    /// Ships the draft, by `by` at `at`: every line's whole quantity leaves the
    /// source, all at once. Answers what leaves, line by line; the source's ledger
    /// then says at which cost ([`Transfer::left_at_cost`]).
    pub fn ship(&mut self, by: UserId, at: DateTime<Utc>) -> Result<Vec<LineMove>, Refused<TransferError>> {
        self.may(TransferAction::Ship)?;
        let mut leaving = Vec::with_capacity(self.lines.len());
        for (index, row) in self.lines.iter_mut().enumerate() {
            row.line = ship(row.line);
            leaving.push(LineMove { index, part_id: row.part_id, quantity: row.line.shipped });
        }
        self.status = TransferStatus::Shipped;
        self.shipped_by = Some(by);
        self.shipped_at = Some(at);
        Ok(leaving)
    }

    /// Notes the cost a shipped line's units left the source at; they arrive at it.
    pub fn left_at_cost(&mut self, index: usize, unit_cost_minor: i64) {
        if let Some(row) = self.lines.get_mut(index) {
            row.shipped_unit_cost_minor = Some(unit_cost_minor);
        }
    }

    /// The cost a line's units arrive at: what they left the source at.
    pub fn arrival_cost(&self, index: usize) -> i64 {
        self.lines.get(index).and_then(|row| row.shipped_unit_cost_minor).unwrap_or_default()
    }

    /// Receives what arrived, at `at`: never more of a part than is in transit
    /// (refused naming `lines[i].quantity`); a part not on the transfer or named
    /// twice is refused naming `lines[i].part_id`. Answers what comes in, line by
    /// line. Once nothing is in transit, the transfer is received.
    pub fn receive(&mut self, arrived: &[Arrived], at: DateTime<Utc>) -> Result<Vec<LineMove>, Refused<TransferError>> {
        self.may(TransferAction::Receive)?;
        let indexes = self.lines_named(arrived.iter().map(|a| a.part_id))?;
        // All lines or none: a refused line leaves the transfer as it was.
        let mut lines = self.lines.clone();
        let mut coming_in = Vec::with_capacity(arrived.len());
        for (i, (wanted, &index)) in arrived.iter().zip(&indexes).enumerate() {
            let row = &mut lines[index];
            row.line =
                receive(row.line, wanted.quantity).map_err(|e| Refused::at(format!("lines[{i}].quantity"), e))?;
            coming_in.push(LineMove { index, part_id: row.part_id, quantity: wanted.quantity });
        }
        self.lines = lines;
        self.status = self.status_now();
        if self.status == TransferStatus::Received {
            self.received_at = Some(at);
        }
        Ok(coming_in)
    }

    /// Closes the transfer whose rest will never arrive, by `by` at `at`: for every
    /// part still in transit, exactly what is in transit is written down as missing
    /// with its note (a wrong count is refused naming `lines[i].missing`; a part in
    /// transit left out, naming `lines`). Nothing moves: the missing units left the
    /// source's stock when shipped.
    pub fn close_with_discrepancy(
        &mut self,
        missing: &[Missing],
        by: UserId,
        at: DateTime<Utc>,
    ) -> Result<(), Refused<TransferError>> {
        self.may(TransferAction::Close)?;
        let indexes = self.lines_named(missing.iter().map(|m| m.part_id))?;
        let mut lines = self.lines.clone();
        for (i, (gone, &index)) in missing.iter().zip(&indexes).enumerate() {
            let row = &mut lines[index];
            row.line =
                record_missing(row.line, gone.missing).map_err(|e| Refused::at(format!("lines[{i}].missing"), e))?;
            row.discrepancy_note = Some(gone.note.trim().to_owned());
        }
        if let Some(left) = lines.iter().find(|row| row.line.in_transit() > 0) {
            let unaccounted = TransferError::Unaccounted { part_id: left.part_id, in_transit: left.line.in_transit() };
            return Err(Refused::at("lines", unaccounted));
        }
        self.lines = lines;
        self.status = self.status_now();
        self.received_at = Some(at);
        self.closed_by = Some(by);
        self.closed_at = Some(at);
        Ok(())
    }

    /// The status the lines' quantities say.
    fn status_now(&self) -> TransferStatus {
        super::status_after(&self.lines.iter().map(|row| row.line).collect::<Vec<_>>())
    }

    /// The line of each part a request names, in the request's order.
    fn lines_named(&self, parts: impl Iterator<Item = PartId>) -> Result<Vec<usize>, Refused<TransferError>> {
        line_indexes(self.lines.iter().map(|row| row.part_id), parts).map_err(|(i, mismatch)| {
            let reason = match mismatch {
                LineMismatch::NotOnDocument => TransferError::NotOnTransfer,
                LineMismatch::Duplicate => TransferError::Duplicate,
            };
            Refused::at(format!("lines[{i}].part_id"), reason)
        })
    }
}

#[cfg(test)]
#[path = "document_tests.rs"]
mod tests;
