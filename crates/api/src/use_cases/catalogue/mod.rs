//! Shared by the `/catalogue` use cases.
pub mod brands;
pub mod categories;
pub mod models;

/// The entity names of catalogue rows in the audit log.
pub(crate) mod entity {
    pub const BRAND: &str = "brand";
    pub const CATEGORY: &str = "product_category";
    pub const MODEL: &str = "product_model";
    pub const COMPONENT: &str = "product_component";
}
