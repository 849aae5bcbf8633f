//! The product catalogue: brands, product categories, product models and their
//! components (`/api/v1/brands`, `/api/v1/product-categories`, `/api/v1/product-models`).
mod brands;
mod categories;
mod components;
mod models;

pub use brands::*;
pub use categories::*;
pub use components::*;
pub use models::*;
