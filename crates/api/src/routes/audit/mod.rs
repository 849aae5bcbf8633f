//! `/api/v1/audit`: the append-only record of every change.
pub mod list;
