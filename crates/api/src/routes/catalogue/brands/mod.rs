//! `/api/v1/brands`: manufacturers of the products the company services.
pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod update;
