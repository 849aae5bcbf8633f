//! The file formats of bulk import and export: reading an uploaded CSV or XLSX file
//! into rows of cells, and writing the catalogue and the registry as XLSX with the
//! columns of the import. Running an import is a use case (`use_cases::imports`);
//! the rules of a row are in `aftersales_domain::imports`.
pub mod export;
pub mod read;
