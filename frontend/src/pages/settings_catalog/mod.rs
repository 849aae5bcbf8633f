//! The settings screens: the fault codes and the service catalogue of the product
//! categories (`/settings/fault-codes`, `/settings/service-items`), each a record
//! screen (`components::screen`).

pub mod fault_codes;
pub mod names;
pub mod service_items;

pub use fault_codes::FaultCodesPage;
pub use service_items::ServiceItemsPage;
