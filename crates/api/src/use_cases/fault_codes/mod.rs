//! Shared by the `/fault_codes` use cases.
pub(crate) const ENTITY: &str = "fault_code";
