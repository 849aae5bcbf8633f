//! The product catalogue: brands, product categories, product models and their
//! components. Company-wide, so no branch scope applies.
pub mod brands;
pub mod bulk;
pub mod categories;
pub mod category_skills;
pub mod components;
pub mod models;
