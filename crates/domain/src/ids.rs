//! One id type per entity, so a customer's id cannot be passed where a ticket's is
//! expected: the compiler refuses `ticket.customer_id == part.id`. Each is a UUID
//! underneath; the wire and the database keep plain UUIDs and convert at their edge
//! (`TicketId::from(uuid)`, `id.uuid()`).
use std::fmt;

use uuid::Uuid;

macro_rules! entity_ids {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(Uuid);

        impl $name {
            /// A fresh id, ordered by creation time (UUID v7) so new rows append to indexes.
            pub fn generate() -> Self {
                $name(Uuid::now_v7())
            }

            pub const fn from_uuid(id: Uuid) -> Self {
                $name(id)
            }

            pub const fn uuid(self) -> Uuid {
                self.0
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> Self {
                $name(id)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Uuid {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

entity_ids!(
    /// An organisation unit: HQ, a regional centre or an outlet.
    BranchId,
    /// A staff member's account (clerk, dispatcher, technician, …).
    UserId,
    CustomerId,
    BrandId,
    /// A product category of the catalogue tree.
    CategoryId,
    /// A product model: what a unit was built as.
    ModelId,
    /// A replaceable component of a product model (compressor, board, …).
    ComponentId,
    /// A sold unit in the serial registry.
    SerialId,
    SkillId,
    TicketId,
    /// A part or consumable of the parts catalogue.
    PartId,
    /// A shelf: a branch's store, a technician's van, or the defective store.
    WarehouseId,
    /// A part line on a ticket (reserved, issued, returned).
    TicketPartId,
    /// One row of the stock ledger.
    MovementId,
    TransferId,
    PurchaseOrderId,
    SupplierId,
    StocktakeId,
    WarrantyPolicyId,
    /// A service contract or extended warranty on a unit.
    ContractId,
);

/// The id numbered `n`, of whichever entity the test needs: `numbered::<PartId>(7)`.
#[cfg(test)]
pub(crate) fn numbered<Id: From<Uuid>>(n: u128) -> Id {
    Uuid::from_u128(n).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_its_uuid_on_the_wire_and_in_text() {
        let uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0001);
        let ticket = TicketId::from(uuid);
        assert_eq!(ticket.uuid(), uuid);
        assert_eq!(Uuid::from(ticket), uuid);
        assert_eq!(ticket.to_string(), uuid.to_string());
    }

    #[test]
    fn generated_ids_are_distinct_and_ordered_by_creation() {
        let first = PartId::generate();
        let second = PartId::generate();
        assert_ne!(first, second);
        assert!(first < second, "v7 ids sort by creation time");
    }
}
