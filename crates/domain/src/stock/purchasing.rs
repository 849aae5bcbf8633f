//! Purchase orders: a draft is edited freely, then ordered from the supplier;
//! goods arrive in one or more receipts, never more than was ordered; an order
//! may be cancelled only while nothing of it has arrived.
mod document;

pub use document::{Arrived, LineReceipt, NewLine, PurchaseOrder, PurchaseOrderLine, Revision};

use crate::tickets::named_enum;

named_enum!(
    /// Where a purchase order stands.
    PurchaseOrderStatus {
        /// Being written; lines may change.
        Draft = "draft",
        /// Sent to the supplier; waiting for goods.
        Ordered = "ordered",
        PartiallyReceived = "partially_received",
        Received = "received",
        Cancelled = "cancelled",
    }
);

/// What can be done to a purchase order, for the refusal message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PurchaseAction {
    Edit,
    Order,
    Receive,
    Cancel,
}

impl PurchaseAction {
    fn past(self) -> &'static str {
        match self {
            PurchaseAction::Edit => "edited",
            PurchaseAction::Order => "ordered",
            PurchaseAction::Receive => "received against",
            PurchaseAction::Cancel => "cancelled",
        }
    }
}

/// One line of an order as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PurchaseLine {
    pub ordered: i64,
    pub received: i64,
}

impl PurchaseLine {
    /// Ordered and not yet arrived.
    pub fn outstanding(&self) -> i64 {
        self.ordered - self.received
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PurchaseError {
    #[error("the purchase order is {}; it cannot be {}", .status.as_str().replace('_', " "), .action.past())]
    WrongStatus { status: PurchaseOrderStatus, action: PurchaseAction },
    #[error("an order needs at least one line")]
    NoLines,
    #[error("goods have already been received against this order")]
    AlreadyReceived,
    #[error("the quantity must be positive")]
    NotPositive,
    #[error("only {outstanding} outstanding, {requested} received")]
    OverReceipt { outstanding: i64, requested: i64 },
    #[error("this part is not on the order")]
    NotOnOrder,
    #[error("each part once")]
    Duplicate,
}

/// May the order, as it stands, take this step?
pub fn check(status: PurchaseOrderStatus, action: PurchaseAction) -> Result<(), PurchaseError> {
    use PurchaseOrderStatus::*;
    let allowed = match action {
        PurchaseAction::Edit | PurchaseAction::Order => status == Draft,
        PurchaseAction::Receive => matches!(status, Ordered | PartiallyReceived),
        PurchaseAction::Cancel => matches!(status, Draft | Ordered | PartiallyReceived),
    };
    if allowed { Ok(()) } else { Err(PurchaseError::WrongStatus { status, action }) }
}

/// Sending the order to the supplier: a draft with lines.
pub fn order(status: PurchaseOrderStatus, lines: &[PurchaseLine]) -> Result<PurchaseOrderStatus, PurchaseError> {
    check(status, PurchaseAction::Order)?;
    if lines.is_empty() {
        return Err(PurchaseError::NoLines);
    }
    Ok(PurchaseOrderStatus::Ordered)
}

/// Cancelling: only while nothing has arrived (what arrived is on the shelf and
/// in the ledger; it goes back to the vendor as a movement of its own).
pub fn cancel(status: PurchaseOrderStatus, lines: &[PurchaseLine]) -> Result<PurchaseOrderStatus, PurchaseError> {
    check(status, PurchaseAction::Cancel)?;
    if lines.iter().any(|l| l.received > 0) {
        return Err(PurchaseError::AlreadyReceived);
    }
    Ok(PurchaseOrderStatus::Cancelled)
}

/// The line after `quantity` arrived; never more than is outstanding.
pub fn receive(line: PurchaseLine, quantity: i64) -> Result<PurchaseLine, PurchaseError> {
    if quantity <= 0 {
        return Err(PurchaseError::NotPositive);
    }
    if quantity > line.outstanding() {
        return Err(PurchaseError::OverReceipt { outstanding: line.outstanding(), requested: quantity });
    }
    Ok(PurchaseLine { received: line.received + quantity, ..line })
}

/// The status of an ordered purchase after a receipt.
pub fn status_after(lines: &[PurchaseLine]) -> PurchaseOrderStatus {
    if lines.iter().all(|l| l.outstanding() == 0) {
        PurchaseOrderStatus::Received
    } else if lines.iter().any(|l| l.received > 0) {
        PurchaseOrderStatus::PartiallyReceived
    } else {
        PurchaseOrderStatus::Ordered
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn line(ordered: i64) -> PurchaseLine {
        PurchaseLine { ordered, received: 0 }
    }

    #[test]
    fn a_draft_is_edited_and_ordered_once() {
        assert_eq!(check(PurchaseOrderStatus::Draft, PurchaseAction::Edit), Ok(()));
        assert_eq!(order(PurchaseOrderStatus::Draft, &[line(1)]), Ok(PurchaseOrderStatus::Ordered));
        assert_eq!(order(PurchaseOrderStatus::Draft, &[]), Err(PurchaseError::NoLines));
        let again = order(PurchaseOrderStatus::Ordered, &[line(1)]).map_err(|e| e.to_string());
        assert_eq!(again, Err("the purchase order is ordered; it cannot be ordered".into()));
        assert!(check(PurchaseOrderStatus::Ordered, PurchaseAction::Edit).is_err());
        assert!(check(PurchaseOrderStatus::Draft, PurchaseAction::Receive).is_err());
    }

    #[test]
    fn receipts_count_down_to_received_and_never_beyond() {
        let a = receive(line(5), 2).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(status_after(&[a, line(1)]), PurchaseOrderStatus::PartiallyReceived);
        assert_eq!(receive(a, 4), Err(PurchaseError::OverReceipt { outstanding: 3, requested: 4 }));
        assert_eq!(receive(a, 0), Err(PurchaseError::NotPositive));
        let a = receive(a, 3).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(status_after(&[a]), PurchaseOrderStatus::Received);
        assert_eq!(status_after(&[line(2)]), PurchaseOrderStatus::Ordered);
    }

    #[test]
    fn cancelling_is_only_for_orders_nothing_has_arrived_against() {
        assert_eq!(cancel(PurchaseOrderStatus::Ordered, &[line(3)]), Ok(PurchaseOrderStatus::Cancelled));
        let some = PurchaseLine { ordered: 3, received: 1 };
        assert_eq!(cancel(PurchaseOrderStatus::PartiallyReceived, &[some]), Err(PurchaseError::AlreadyReceived));
        assert!(cancel(PurchaseOrderStatus::Received, &[]).is_err());
        assert!(cancel(PurchaseOrderStatus::Cancelled, &[]).is_err());
    }

    proptest! {
        #[test]
        fn received_never_exceeds_ordered(ordered in 1_i64..100, tries in prop::collection::vec(-5_i64..120, 0..30)) {
            let mut l = line(ordered);
            for q in tries {
                l = receive(l, q).unwrap_or(l);
                prop_assert!(l.received >= 0 && l.received <= l.ordered);
                prop_assert_eq!(status_after(&[l]) == PurchaseOrderStatus::Received, l.outstanding() == 0);
            }
        }
    }
}
