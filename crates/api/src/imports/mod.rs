//! Bulk import of product models and sold serials from CSV or XLSX files, and
//! their export to XLSX. The rules of a row are in `aftersales_domain::imports`.
pub mod check;
pub mod export;
pub mod read;
pub mod run;
