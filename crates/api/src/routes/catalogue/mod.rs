//! The product catalogue, company-wide: `/api/v1/brands`, `/api/v1/product-categories`,
//! `/api/v1/product-models` and the components of each model. Every signed-in user
//! reads it; admins and managers maintain it. Audit rows carry no branch.
pub mod brands;
pub mod categories;
pub mod components;
pub mod models;
