//! Rules of bulk imports: which columns a file of each kind has (found by its header
//! row, case-insensitively, under known aliases), and the checks of one row. Reading
//! CSV or XLSX is not a rule and lives in the API crate; lookups against the
//! database are passed in as maps by the caller.
use std::collections::HashMap;

use chrono::NaiveDate;

mod rows;
pub use rows::{ProductModelRow, SerialRow, product_model_row, serial_row};

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    ProductModels,
    Serials,
}

/// Columns of a product models file, in export order.
pub const PRODUCT_MODEL_COLUMNS: [&str; 5] = ["brand_code", "category_code", "sku", "name", "needs_installation"];

/// Columns of a serials file, in export order.
pub const SERIAL_COLUMNS: [&str; 11] = [
    "brand_code",
    "sku",
    "serial",
    "lot",
    "manufacture_date",
    "sale_date",
    "sale_document",
    "seller",
    "delivery_date",
    "installation_date",
    "warranty_card_number",
];

impl ImportKind {
    pub fn parse(s: &str) -> Option<ImportKind> {
        match s {
            "product_models" => Some(ImportKind::ProductModels),
            "serials" => Some(ImportKind::Serials),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::ProductModels => "product_models",
            ImportKind::Serials => "serials",
        }
    }

    pub fn columns(self) -> &'static [&'static str] {
        match self {
            ImportKind::ProductModels => &PRODUCT_MODEL_COLUMNS,
            ImportKind::Serials => &SERIAL_COLUMNS,
        }
    }

    /// Columns a file must have; the others may be left out.
    pub fn required(self) -> &'static [&'static str] {
        match self {
            ImportKind::ProductModels => &["brand_code", "category_code", "sku", "name"],
            ImportKind::Serials => &["brand_code", "sku", "serial"],
        }
    }
}

/// One problem of one row, as the user sees the file: the header is row 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub row: u64,
    pub column: Option<String>,
    pub message: String,
}

impl RowError {
    pub fn new(row: u64, column: Option<&str>, message: impl Into<String>) -> Self {
        RowError { row, column: column.map(str::to_owned), message: message.into() }
    }
}

/// A cell as read from the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(NaiveDate),
}

/// The other spellings people give a column.
fn canonical(header: &str) -> String {
    let h = header.trim().to_lowercase().replace([' ', '-'], "_");
    let alias = match h.as_str() {
        "brand" => "brand_code",
        "category" => "category_code",
        "model" | "model_sku" | "product_sku" => "sku",
        "model_name" | "product_name" => "name",
        "installation" | "needs_install" => "needs_installation",
        "serial_number" | "serial_no" | "sn" => "serial",
        "lot_number" | "batch" => "lot",
        "manufactured" | "production_date" => "manufacture_date",
        "sold" | "sold_on" => "sale_date",
        "invoice" | "invoice_number" => "sale_document",
        "dealer" | "sold_by" => "seller",
        "delivered" => "delivery_date",
        "installed" => "installation_date",
        "warranty_card" | "card_number" => "warranty_card_number",
        _ => return h,
    };
    alias.to_owned()
}

/// Where each known column is in the file.
#[derive(Debug, Clone)]
pub struct ColumnMap(HashMap<&'static str, usize>);

impl ColumnMap {
    /// Reads the header row; unknown or repeated columns and missing required ones
    /// are errors of row 1.
    pub fn from_header(kind: ImportKind, header: &[String]) -> Result<ColumnMap, Vec<RowError>> {
        let mut map = HashMap::new();
        let mut errors = Vec::new();
        for (i, raw) in header.iter().enumerate() {
            let name = canonical(raw);
            if name.is_empty() {
                continue;
            }
            match kind.columns().iter().find(|c| **c == name) {
                Some(col) if map.contains_key(col) => {
                    errors.push(RowError::new(1, Some(col), "the column appears twice"));
                }
                Some(col) => {
                    map.insert(*col, i);
                }
                None => errors.push(RowError::new(1, Some(raw.trim()), "unknown column")),
            }
        }
        for col in kind.required() {
            if !map.contains_key(col) {
                errors.push(RowError::new(1, Some(col), "required column is missing"));
            }
        }
        if errors.is_empty() { Ok(ColumnMap(map)) } else { Err(errors) }
    }

    pub(crate) fn get<'a>(&self, cells: &'a [Cell], col: &str) -> &'a Cell {
        self.0.get(col).and_then(|i| cells.get(*i)).unwrap_or(&Cell::Empty)
    }
}

/// Finds values that repeat inside a file: the first row that had each key.
#[derive(Debug, Default)]
pub struct SeenInFile<K>(HashMap<K, u64>);

impl<K: std::hash::Hash + Eq> SeenInFile<K> {
    pub fn new() -> Self {
        SeenInFile(HashMap::new())
    }

    /// `Some(first_row)` when the key was already on an earlier row.
    pub fn check(&mut self, key: K, row: u64) -> Option<u64> {
        match self.0.get(&key) {
            Some(first) => Some(*first),
            None => {
                self.0.insert(key, row);
                None
            }
        }
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
