//! Stock transfers between two warehouses: a draft lists parts and quantities;
//! shipping takes every line out of the source at once (all or nothing); the
//! destination receives what arrives, in one or more receipts; whatever never
//! arrives is recorded as missing with a note, which closes the transfer.
//!
//! Per line, at every moment: shipped = received + in transit + missing.
mod document;

pub use document::{Arrived, LineMove, Missing, Transfer, TransferLineRow};

use crate::ids::PartId;
use crate::tickets::named_enum;

named_enum!(
    /// Where a transfer stands.
    TransferStatus {
        /// Being put together; nothing has moved.
        Draft = "draft",
        /// Out of the source, nothing received yet.
        Shipped = "shipped",
        /// Some received, some still in transit.
        PartiallyReceived = "partially_received",
        /// Everything shipped was received.
        Received = "received",
        /// Finished with a discrepancy: part of what was shipped never arrived.
        Closed = "closed",
    }
);

/// What can be done to a transfer, for the refusal message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransferAction {
    Ship,
    Receive,
    Close,
}

impl TransferAction {
    fn past(self) -> &'static str {
        match self {
            TransferAction::Ship => "shipped",
            TransferAction::Receive => "received",
            TransferAction::Close => "closed with a discrepancy",
        }
    }
}

/// One line of a transfer as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TransferLine {
    /// What the draft asked for.
    pub quantity: i64,
    /// Taken out of the source (the whole quantity once shipped, 0 before).
    pub shipped: i64,
    pub received: i64,
    /// Recorded as never arrived.
    pub missing: i64,
}

impl TransferLine {
    /// Shipped and neither received nor written down as missing.
    pub fn in_transit(&self) -> i64 {
        self.shipped - self.received - self.missing
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransferError {
    #[error("the transfer is {}; it cannot be {}", .status.as_str().replace('_', " "), .action.past())]
    WrongStatus { status: TransferStatus, action: TransferAction },
    #[error("the quantity must be positive")]
    NotPositive,
    #[error("only {in_transit} in transit, {requested} received")]
    MoreThanInTransit { in_transit: i64, requested: i64 },
    #[error("{in_transit} are in transit; the missing quantity must account for all of them")]
    MissingMismatch { in_transit: i64, missing: i64 },
    #[error("this part is not on the transfer")]
    NotOnTransfer,
    #[error("each part once")]
    Duplicate,
    /// Closing left a part in transit out.
    #[error("{in_transit} are still in transit; say what became of them")]
    Unaccounted { part_id: PartId, in_transit: i64 },
}

fn allowed(status: TransferStatus, action: TransferAction) -> bool {
    use TransferStatus::*;
    match action {
        TransferAction::Ship => status == Draft,
        TransferAction::Receive | TransferAction::Close => matches!(status, Shipped | PartiallyReceived),
    }
}

/// May the transfer, as it stands, take this step?
pub fn check(status: TransferStatus, action: TransferAction) -> Result<(), TransferError> {
    if allowed(status, action) { Ok(()) } else { Err(TransferError::WrongStatus { status, action }) }
}

/// The line once shipped: its whole quantity leaves the source.
pub fn ship(line: TransferLine) -> TransferLine {
    TransferLine { shipped: line.quantity, ..line }
}

/// The line after `quantity` of it arrived; never more than is in transit.
pub fn receive(line: TransferLine, quantity: i64) -> Result<TransferLine, TransferError> {
    if quantity <= 0 {
        return Err(TransferError::NotPositive);
    }
    if quantity > line.in_transit() {
        return Err(TransferError::MoreThanInTransit { in_transit: line.in_transit(), requested: quantity });
    }
    Ok(TransferLine { received: line.received + quantity, ..line })
}

/// The line with what never arrived written down: exactly what is in transit.
pub fn record_missing(line: TransferLine, missing: i64) -> Result<TransferLine, TransferError> {
    if missing != line.in_transit() {
        return Err(TransferError::MissingMismatch { in_transit: line.in_transit(), missing });
    }
    Ok(TransferLine { missing: line.missing + missing, ..line })
}

/// The status of a shipped transfer after a receipt or a discrepancy.
pub fn status_after(lines: &[TransferLine]) -> TransferStatus {
    let in_transit: i64 = lines.iter().map(TransferLine::in_transit).sum();
    let missing: i64 = lines.iter().map(|l| l.missing).sum();
    let received: i64 = lines.iter().map(|l| l.received).sum();
    match (in_transit, missing, received) {
        (0, 0, _) => TransferStatus::Received,
        (0, _, _) => TransferStatus::Closed,
        (_, 0, 0) => TransferStatus::Shipped,
        _ => TransferStatus::PartiallyReceived,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn shipped(quantity: i64) -> TransferLine {
        ship(TransferLine { quantity, ..Default::default() })
    }

    #[test]
    fn only_a_draft_ships_and_only_goods_on_the_road_are_received() {
        assert_eq!(check(TransferStatus::Draft, TransferAction::Ship), Ok(()));
        let again = check(TransferStatus::Shipped, TransferAction::Ship);
        assert_eq!(again.map_err(|e| e.to_string()), Err("the transfer is shipped; it cannot be shipped".into()));
        assert!(check(TransferStatus::Draft, TransferAction::Receive).is_err());
        assert!(check(TransferStatus::PartiallyReceived, TransferAction::Receive).is_ok());
        for done in [TransferStatus::Received, TransferStatus::Closed] {
            assert!(check(done, TransferAction::Receive).is_err());
            assert!(check(done, TransferAction::Close).is_err());
        }
    }

    #[test]
    fn a_partial_receipt_leaves_the_rest_in_transit() {
        let line = receive(shipped(5), 2).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(line.in_transit(), 3);
        assert_eq!(status_after(&[line, shipped(1)]), TransferStatus::PartiallyReceived);
        let line = receive(line, 3).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(status_after(&[line]), TransferStatus::Received);
        assert_eq!(receive(line, 1), Err(TransferError::MoreThanInTransit { in_transit: 0, requested: 1 }));
        assert_eq!(receive(shipped(2), 0), Err(TransferError::NotPositive));
    }

    #[test]
    fn what_never_arrived_closes_the_transfer_with_a_discrepancy() {
        let line = receive(shipped(5), 4).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(record_missing(line, 2), Err(TransferError::MissingMismatch { in_transit: 1, missing: 2 }));
        let line = record_missing(line, 1).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((line.in_transit(), line.missing), (0, 1));
        assert_eq!(status_after(&[line, receive(shipped(1), 1).unwrap_or_default()]), TransferStatus::Closed);
        assert_eq!(status_after(&[shipped(3)]), TransferStatus::Shipped);
    }

    #[derive(Debug, Clone)]
    enum Step {
        Receive(i64),
        Missing(i64),
        /// What a clerk closing the transfer does: everything still on the road is missing.
        MissingAll,
    }

    proptest! {
        #[test]
        fn shipped_is_always_received_plus_in_transit_plus_missing(
            quantity in 1_i64..50,
            steps in prop::collection::vec(prop_oneof![
                (-3_i64..60).prop_map(Step::Receive),
                (-3_i64..60).prop_map(Step::Missing),
                Just(Step::MissingAll),
            ], 0..30),
        ) {
            let mut line = shipped(quantity);
            for step in steps {
                let next = match step {
                    Step::Receive(q) => receive(line, q),
                    Step::Missing(q) => record_missing(line, q),
                    Step::MissingAll => record_missing(line, line.in_transit()),
                };
                if let Ok(after) = next {
                    line = after;
                }
                prop_assert_eq!(line.shipped, quantity);
                prop_assert_eq!(line.shipped, line.received + line.in_transit() + line.missing);
                prop_assert!(line.in_transit() >= 0 && line.received >= 0 && line.missing >= 0);
                let status = status_after(&[line]);
                prop_assert_eq!(status == TransferStatus::Received || status == TransferStatus::Closed, line.in_transit() == 0);
            }
        }
    }
}
