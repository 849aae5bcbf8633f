//! `/api/v1/customers`: the individuals and companies a branch serves.
pub mod create;
pub mod delete;
pub mod duplicates;
pub mod get;
pub mod list;
pub mod update;
