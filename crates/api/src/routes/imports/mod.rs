//! `/api/v1/imports`: bulk imports of product models and sold serials, run as jobs.
pub mod create;
pub mod get;
pub mod list;
