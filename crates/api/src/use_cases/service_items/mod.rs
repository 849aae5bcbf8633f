//! The service catalogue: coded and priced services per product category that
//! labour lines are taken from. Admins maintain it; everyone working on tickets
//! reads it. One file per use case.
//!
//! Deleting works only for an item no labour line was taken from; otherwise retire
//! it with `active: false`. Changing a price leaves recorded lines as they were.
pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod update;

/// What the audit log calls a service item.
const ENTITY: &str = "service_item";
