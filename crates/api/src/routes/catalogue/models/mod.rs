//! `/api/v1/product-models`: what each brand sells, by SKU.
pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod update;
