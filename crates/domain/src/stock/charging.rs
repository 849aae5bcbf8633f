//! Who pays for a part used on a ticket: the manufacturer (on the warranty claim)
//! or the customer (on their bill), from the ticket's warranty decision.
use crate::tickets::{WarrantyStatus, named_enum};

named_enum!(
    /// Who a part used on a ticket is charged to.
    ChargeTo {
        /// Claimed from the manufacturer under warranty.
        Manufacturer = "manufacturer",
        /// Billed to the customer.
        Customer = "customer",
    }
);

/// What the parts leg of the ticket's warranty decision covers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PartsCover {
    /// Parts are not covered (or there is no decision).
    #[default]
    Nothing,
    /// Every component of the unit.
    WholeUnit,
    /// Only these components (a component term of the policy, a repair warranty…).
    Components(Vec<String>),
}

impl PartsCover {
    pub fn covers(&self, component_code: &str) -> bool {
        match self {
            PartsCover::Nothing => false,
            PartsCover::WholeUnit => true,
            PartsCover::Components(codes) => codes.iter().any(|c| c == component_code),
        }
    }
}

/// A covered ticket claims every part from the manufacturer; a partly covered one
/// only the parts whose component the parts cover reaches (a part without a
/// component code cannot be named on a claim, so the customer pays it); anything
/// else is the customer's.
pub fn charge_to(status: WarrantyStatus, cover: &PartsCover, component_code: Option<&str>) -> ChargeTo {
    match status {
        WarrantyStatus::Covered => ChargeTo::Manufacturer,
        WarrantyStatus::Partial if component_code.is_some_and(|c| cover.covers(c)) => ChargeTo::Manufacturer,
        WarrantyStatus::Partial | WarrantyStatus::NotCovered | WarrantyStatus::Unknown => ChargeTo::Customer,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn only(codes: &[&str]) -> PartsCover {
        PartsCover::Components(codes.iter().map(|c| (*c).to_owned()).collect())
    }

    #[test]
    fn a_covered_ticket_claims_every_part_from_the_manufacturer() {
        for cover in [PartsCover::Nothing, PartsCover::WholeUnit, only(&["pcb"])] {
            for code in [None, Some("compressor")] {
                assert_eq!(charge_to(WarrantyStatus::Covered, &cover, code), ChargeTo::Manufacturer, "{cover:?}");
            }
        }
    }

    #[test]
    fn a_partly_covered_ticket_claims_only_the_covered_components() {
        let partial = WarrantyStatus::Partial;
        assert_eq!(charge_to(partial, &only(&["compressor"]), Some("compressor")), ChargeTo::Manufacturer);
        assert_eq!(charge_to(partial, &only(&["compressor"]), Some("pcb")), ChargeTo::Customer);
        assert_eq!(charge_to(partial, &PartsCover::WholeUnit, Some("pcb")), ChargeTo::Manufacturer);
        assert_eq!(charge_to(partial, &PartsCover::Nothing, Some("compressor")), ChargeTo::Customer, "labour only");
        assert_eq!(charge_to(partial, &PartsCover::WholeUnit, None), ChargeTo::Customer, "no component to claim");
    }

    #[test]
    fn an_uncovered_or_undecided_ticket_bills_the_customer() {
        for status in [WarrantyStatus::NotCovered, WarrantyStatus::Unknown] {
            for cover in [PartsCover::Nothing, PartsCover::WholeUnit, only(&["compressor"])] {
                assert_eq!(charge_to(status, &cover, Some("compressor")), ChargeTo::Customer, "{status:?}");
            }
        }
    }

    #[test]
    fn payers_read_back_from_their_names() {
        for &c in ChargeTo::ALL {
            assert_eq!(ChargeTo::parse(c.as_str()), Some(c));
        }
    }
}
