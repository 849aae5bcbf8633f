//! Components of a product model: sub-assemblies that carry their own warranty
//! (compressor, panel, motor).
pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod update;
