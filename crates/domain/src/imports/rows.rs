//! The checks of one data row of each kind, every problem collected.
use chrono::NaiveDate;

use super::{Cell, ColumnMap, RowError};
use crate::catalogue::normalise_sku;
use crate::serials::normalize_serial;

/// Reads one row's cells, collecting every problem.
struct RowReader<'a> {
    row: u64,
    cells: &'a [Cell],
    map: &'a ColumnMap,
    errors: Vec<RowError>,
}

impl RowReader<'_> {
    fn fail(&mut self, col: &str, message: impl Into<String>) {
        self.errors.push(RowError::new(self.row, Some(col), message));
    }

    fn text(&mut self, col: &str, max: usize) -> Option<String> {
        let s = match self.map.get(self.cells, col) {
            Cell::Empty => return None,
            Cell::Text(s) => s.trim().to_owned(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
            Cell::Number(n) => n.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Date(d) => d.to_string(),
        };
        if s.is_empty() {
            return None;
        }
        if s.chars().any(char::is_control) {
            self.fail(col, "contains control characters");
            return None;
        }
        if s.chars().count() > max {
            self.fail(col, format!("longer than {max} characters"));
            return None;
        }
        Some(s)
    }

    fn required(&mut self, col: &str, max: usize) -> Option<String> {
        let value = self.text(col, max);
        if value.is_none() && !self.errors.iter().any(|e| e.column.as_deref() == Some(col)) {
            self.fail(col, "is required");
        }
        value
    }

    fn date(&mut self, col: &str) -> Option<NaiveDate> {
        match self.map.get(self.cells, col) {
            Cell::Date(d) => Some(*d),
            Cell::Empty => None,
            _ => {
                let s = self.text(col, 40)?;
                match NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
                    Ok(d) => Some(d),
                    Err(_) => {
                        self.fail(col, format!("'{s}' is not a date as YYYY-MM-DD"));
                        None
                    }
                }
            }
        }
    }

    fn flag(&mut self, col: &str) -> bool {
        match self.map.get(self.cells, col) {
            Cell::Bool(b) => *b,
            Cell::Number(n) => *n != 0.0,
            Cell::Empty => false,
            _ => match self.text(col, 10).map(|s| s.to_lowercase()).as_deref() {
                None | Some("false" | "no" | "0" | "n") => false,
                Some("true" | "yes" | "1" | "y") => true,
                Some(other) => {
                    self.fail(col, format!("'{other}' is not true or false"));
                    false
                }
            },
        }
    }

    fn finish<T>(self, value: T) -> Result<T, Vec<RowError>> {
        if self.errors.is_empty() { Ok(value) } else { Err(self.errors) }
    }
}

/// A product model row, checked in itself.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductModelRow {
    pub brand_code: String,
    pub category_code: String,
    pub sku: String,
    pub name: String,
    pub needs_installation: bool,
}

pub fn product_model_row(row: u64, cells: &[Cell], map: &ColumnMap) -> Result<ProductModelRow, Vec<RowError>> {
    let mut r = RowReader { row, cells, map, errors: Vec::new() };
    let brand_code = r.required("brand_code", 32).unwrap_or_default();
    let category_code = r.required("category_code", 32).unwrap_or_default();
    let sku = r.required("sku", 64).map(|s| normalise_sku(&s)).unwrap_or_default();
    let name = r.required("name", 200).unwrap_or_default();
    let needs_installation = r.flag("needs_installation");
    r.finish(ProductModelRow { brand_code, category_code, sku, name, needs_installation })
}

/// A sold unit row, checked in itself: serial normalised, dates valid and in order.
#[derive(Debug, Clone, PartialEq)]
pub struct SerialRow {
    pub brand_code: String,
    pub sku: String,
    pub serial: String,
    pub serial_key: String,
    pub lot: Option<String>,
    pub manufacture_date: Option<NaiveDate>,
    pub sale_date: Option<NaiveDate>,
    pub sale_document: Option<String>,
    pub seller: Option<String>,
    pub delivery_date: Option<NaiveDate>,
    pub installation_date: Option<NaiveDate>,
    pub warranty_card_number: Option<String>,
}

pub fn serial_row(row: u64, cells: &[Cell], map: &ColumnMap) -> Result<SerialRow, Vec<RowError>> {
    let mut r = RowReader { row, cells, map, errors: Vec::new() };
    let brand_code = r.required("brand_code", 32).unwrap_or_default();
    let sku = r.required("sku", 64).map(|s| normalise_sku(&s)).unwrap_or_default();
    let serial = r.required("serial", 80).unwrap_or_default();
    let serial_key = if serial.is_empty() {
        String::new()
    } else {
        normalize_serial(&serial).unwrap_or_else(|| {
            r.fail("serial", "only letters, digits, spaces and - . / _ are allowed, at most 64 of them");
            String::new()
        })
    };
    let out = SerialRow {
        brand_code,
        sku,
        serial,
        serial_key,
        lot: r.text("lot", 64),
        manufacture_date: r.date("manufacture_date"),
        sale_date: r.date("sale_date"),
        sale_document: r.text("sale_document", 64),
        seller: r.text("seller", 120),
        delivery_date: r.date("delivery_date"),
        installation_date: r.date("installation_date"),
        warranty_card_number: r.text("warranty_card_number", 32),
    };
    let order = [
        ("manufacture_date", out.manufacture_date),
        ("sale_date", out.sale_date),
        ("delivery_date", out.delivery_date),
        ("installation_date", out.installation_date),
    ];
    for (i, (later_col, later)) in order.iter().enumerate() {
        let earlier = order[..i].iter().rev().find_map(|(c, d)| d.map(|d| (*c, d)));
        if let (Some(later), Some((earlier_col, earlier))) = (later, earlier)
            && *later < earlier
        {
            r.fail(later_col, format!("is before {earlier_col} ({earlier})"));
        }
    }
    r.finish(out)
}
