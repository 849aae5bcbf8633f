//! Spare-parts stock: the arithmetic of the ledger (on hand, reserved, value at
//! moving-average cost) and the life of the documents that move stock. Every rule
//! that decides whether stock may move lives here; storage only applies the result.
pub mod balance;
pub mod charging;
pub mod documents;
pub mod ledger;
pub mod numbering;
#[cfg(test)]
mod properties;
pub mod purchasing;
pub mod report;
pub mod rtv;
pub mod sales;
pub mod stocktake;
pub mod ticket_parts;
pub mod transfer;

use crate::tickets::named_enum;

named_enum!(
    /// Why stock moved. Each movement is an append-only ledger row.
    MovementKind {
        /// Goods received without a purchase order (opening stock, found items).
        Receipt = "receipt",
        PurchaseReceipt = "purchase_receipt",
        /// Handed to a technician for a ticket.
        IssueToTicket = "issue_to_ticket",
        /// A part issued for a ticket and not used, back on the shelf.
        ReturnUnused = "return_unused",
        /// The old part taken out of a unit, into the defective warehouse.
        DefectiveReturn = "defective_return",
        TransferOut = "transfer_out",
        TransferIn = "transfer_in",
        /// Sold over the counter.
        Sale = "sale",
        /// Sent back to the supplier or manufacturer.
        ReturnToVendor = "return_to_vendor",
        /// Counted differently at stocktake (up or down).
        StocktakeAdjustment = "stocktake_adjustment",
        /// Scrapped, lost or acknowledged by the manufacturer.
        WriteOff = "write_off",
    }
);

/// Which way a movement moves stock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    In,
    Out,
    /// Stocktake: the sign of the quantity says.
    Either,
}

impl MovementKind {
    pub fn direction(self) -> Direction {
        use MovementKind::*;
        match self {
            Receipt | PurchaseReceipt | ReturnUnused | DefectiveReturn | TransferIn => Direction::In,
            IssueToTicket | TransferOut | Sale | ReturnToVendor | WriteOff => Direction::Out,
            StocktakeAdjustment => Direction::Either,
        }
    }

    /// Movements that bring value in at a cost of their own (the rest move stock at
    /// the warehouse's moving-average cost). An unused part comes back at the cost
    /// it left with: had the issue emptied the shelf, the average would be 0 and
    /// the part's value lost.
    pub fn brings_its_own_cost(self) -> bool {
        matches!(
            self,
            MovementKind::Receipt
                | MovementKind::PurchaseReceipt
                | MovementKind::TransferIn
                | MovementKind::ReturnUnused
        )
    }
}
