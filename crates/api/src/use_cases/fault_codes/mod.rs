//! The symptom, diagnosis and resolution code lists of each product category.
//! Admins maintain them; everyone working on tickets reads them. One file per use case.
//!
//! A code is never renamed (tickets store it). Deleting works only for a code no
//! ticket carries; a code in use is retired with `active: false` instead, which
//! keeps it on the tickets that have it and refuses it on new ones.
pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod update;

/// What the audit log calls a fault code.
const ENTITY: &str = "fault_code";
