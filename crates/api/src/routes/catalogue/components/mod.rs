//! `/api/v1/product-models/{id}/components`: sub-assemblies of a model that carry
//! their own warranty (compressor, panel, motor).
pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod update;
