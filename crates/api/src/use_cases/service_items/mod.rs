//! Shared by the `/service_items` use cases.
pub(crate) const ENTITY: &str = "service_item";
