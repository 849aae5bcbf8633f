//! `/api/v1/exports`: the catalogue and the serial registry as XLSX files with the
//! columns of the import, so that an export can be edited and imported again.
pub mod product_models;
pub mod serials;
