//! `/api/v1/product-categories`: kinds of product, in a shallow tree.
pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod required_skills;
pub mod set_required_skills;
pub mod update;
