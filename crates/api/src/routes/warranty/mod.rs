//! `/api/v1/warranty-policies` and `/api/v1/warranty/evaluate`.
pub mod add_version;
pub mod create_policy;
pub mod evaluate;
pub mod get_policy;
pub mod list_policies;
