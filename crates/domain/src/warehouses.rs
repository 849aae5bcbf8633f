//! Warehouses: where spare parts are kept, from the central store down to a
//! technician's van, and the quarantine of defective parts.
use crate::tickets::named_enum;

named_enum!(
    /// What a warehouse is for.
    WarehouseKind {
        /// The head office's store, which supplies the regions.
        Central = "central",
        /// A regional centre's store, which supplies its outlets.
        Regional = "regional",
        /// An outlet's shelf, from which parts are issued to tickets.
        Outlet = "outlet",
        /// The stock a technician carries; belongs to that technician.
        Van = "van",
        /// Quarantine: old and faulty parts waiting to go back to the manufacturer.
        Defective = "defective",
        /// Units customers returned to an e-commerce platform, kept by the network
        /// (refunded or exchanged) until they are refurbished or sent back.
        Returns = "returns",
    }
);

/// Why a warehouse's technician does not fit its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum VanRule {
    #[error("a van belongs to a technician: technician_id is required")]
    VanWithoutTechnician,
    #[error("only a van belongs to a technician")]
    TechnicianWithoutVan,
}

/// A van has exactly one technician; no other kind of warehouse has one.
pub fn check_technician(kind: WarehouseKind, has_technician: bool) -> Result<(), VanRule> {
    match (kind == WarehouseKind::Van, has_technician) {
        (true, false) => Err(VanRule::VanWithoutTechnician),
        (false, true) => Err(VanRule::TechnicianWithoutVan),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_van_has_a_technician_and_a_van_always_has_one() {
        for &kind in WarehouseKind::ALL {
            let van = kind == WarehouseKind::Van;
            assert_eq!(check_technician(kind, true).is_ok(), van, "{kind:?} with a technician");
            assert_eq!(check_technician(kind, false).is_ok(), !van, "{kind:?} without one");
        }
        assert_eq!(check_technician(WarehouseKind::Van, false), Err(VanRule::VanWithoutTechnician));
        assert_eq!(check_technician(WarehouseKind::Outlet, true), Err(VanRule::TechnicianWithoutVan));
    }

    #[test]
    fn kinds_read_back_from_their_names() {
        for &kind in WarehouseKind::ALL {
            assert_eq!(WarehouseKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(WarehouseKind::parse("truck"), None);
    }
}
