//! Old parts back to the manufacturer: a return-to-vendor shipment batches parts
//! handed in to one defective-parts warehouse, all of one brand; it is shipped
//! (the parts leave the ledger as `return_to_vendor`), then the manufacturer
//! acknowledges it and the parts are written off its claim. A part not worth
//! shipping is scrapped from the shelf instead (`write_off`).
use super::ticket_parts::DefectiveStatus;
use crate::tickets::named_enum;

named_enum!(
    /// Where a return-to-vendor shipment stands.
    RtvStatus {
        /// Being packed: parts can be listed, nothing has moved.
        Draft = "draft",
        /// Sent: the parts left the defective-parts warehouse.
        Shipped = "shipped",
        /// The manufacturer confirmed receipt; its parts are written off.
        Acknowledged = "acknowledged",
    }
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RtvAction {
    Ship,
    Acknowledge,
}

impl RtvAction {
    pub fn as_str(self) -> &'static str {
        match self {
            RtvAction::Ship => "shipped",
            RtvAction::Acknowledge => "acknowledged",
        }
    }
}

/// The status a shipment moves to, or why it cannot (it is `status`).
pub fn step(status: RtvStatus, action: RtvAction) -> Result<RtvStatus, RtvStatus> {
    match (status, action) {
        (RtvStatus::Draft, RtvAction::Ship) => Ok(RtvStatus::Shipped),
        (RtvStatus::Shipped, RtvAction::Acknowledge) => Ok(RtvStatus::Acknowledged),
        (other, _) => Err(other),
    }
}

/// What is known of an old part when it is put in a shipment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate<Id: Copy + Eq> {
    pub status: DefectiveStatus,
    pub in_shipment: bool,
    pub warehouse: Option<Id>,
    pub brand: Id,
}

/// Why an old part cannot go in a shipment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BatchError {
    #[error("the part has not been handed in yet (it is {0})")]
    NotOnShelf(&'static str),
    #[error("the part is already in another shipment")]
    AlreadyBatched,
    #[error("the part is in another warehouse")]
    OtherWarehouse,
    #[error("the part is of another brand; one shipment goes to one manufacturer")]
    OtherBrand,
}

impl BatchError {
    pub fn code(self) -> &'static str {
        match self {
            BatchError::NotOnShelf(_) => "not_received",
            BatchError::AlreadyBatched => "already_batched",
            BatchError::OtherWarehouse => "other_warehouse",
            BatchError::OtherBrand => "other_brand",
        }
    }
}

/// A part may join a shipment from `warehouse` to `brand` when it sits on that
/// shelf, handed in, and no other shipment has taken it.
pub fn may_batch<Id: Copy + Eq>(part: Candidate<Id>, warehouse: Id, brand: Id) -> Result<(), BatchError> {
    if part.status != DefectiveStatus::Received {
        return Err(BatchError::NotOnShelf(part.status.as_str()));
    }
    if part.in_shipment {
        return Err(BatchError::AlreadyBatched);
    }
    if part.warehouse != Some(warehouse) {
        return Err(BatchError::OtherWarehouse);
    }
    if part.brand != brand {
        return Err(BatchError::OtherBrand);
    }
    Ok(())
}

/// Only a part on the shelf and in no shipment can be scrapped; one packed for the
/// manufacturer must be taken out of the shipment first.
pub fn may_scrap(status: DefectiveStatus, in_shipment: bool) -> bool {
    status == DefectiveStatus::Received && !in_shipment
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on_shelf() -> Candidate<u8> {
        Candidate { status: DefectiveStatus::Received, in_shipment: false, warehouse: Some(1), brand: 7 }
    }

    #[test]
    fn a_shipment_is_shipped_once_then_acknowledged_once() {
        assert_eq!(step(RtvStatus::Draft, RtvAction::Ship), Ok(RtvStatus::Shipped));
        assert_eq!(step(RtvStatus::Shipped, RtvAction::Acknowledge), Ok(RtvStatus::Acknowledged));
        assert_eq!(step(RtvStatus::Shipped, RtvAction::Ship), Err(RtvStatus::Shipped));
        assert_eq!(step(RtvStatus::Draft, RtvAction::Acknowledge), Err(RtvStatus::Draft));
        assert_eq!(step(RtvStatus::Acknowledged, RtvAction::Acknowledge), Err(RtvStatus::Acknowledged));
    }

    #[test]
    fn only_a_handed_in_part_of_the_shelf_and_brand_is_batched() {
        assert_eq!(may_batch(on_shelf(), 1, 7), Ok(()));
        let owed = Candidate { status: DefectiveStatus::Owed, warehouse: None, ..on_shelf() };
        assert_eq!(may_batch(owed, 1, 7), Err(BatchError::NotOnShelf("owed")));
        let taken = Candidate { in_shipment: true, ..on_shelf() };
        assert_eq!(may_batch(taken, 1, 7), Err(BatchError::AlreadyBatched));
        assert_eq!(may_batch(on_shelf(), 2, 7), Err(BatchError::OtherWarehouse));
        assert_eq!(may_batch(on_shelf(), 1, 8), Err(BatchError::OtherBrand));
    }

    #[test]
    fn a_packed_or_gone_part_is_not_scrapped() {
        assert!(may_scrap(DefectiveStatus::Received, false));
        assert!(!may_scrap(DefectiveStatus::Received, true));
        for &s in DefectiveStatus::ALL {
            if s != DefectiveStatus::Received {
                assert!(!may_scrap(s, false), "{s:?}");
            }
        }
    }
}
