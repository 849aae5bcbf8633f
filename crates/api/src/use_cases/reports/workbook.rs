//! Reports as XLSX workbooks: one generic writer from headers and rows, so a new
//! report only says which sheets it has and what goes in each cell.
use actix_web::{HttpResponse, web};
use aftersales_domain::money::{Currency, Money};
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::error::ApiError;
use crate::use_cases::exports::xlsx;

/// One cell of a report.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    /// A measure such as a mean, written as it is.
    Number(f64),
    /// Written as the decimal amount of its currency.
    Money(Money),
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_owned())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

impl From<i64> for Cell {
    fn from(n: i64) -> Self {
        Cell::Int(n)
    }
}

impl From<f64> for Cell {
    fn from(n: f64) -> Self {
        Cell::Number(n)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(v: Option<T>) -> Self {
        v.map_or(Cell::Empty, Into::into)
    }
}

/// `Cell::Money` of an amount in minor units of `currency` (a report row's code,
/// which came from a [`Currency`]; were it ever unknown, the minor units show).
pub fn money(minor: i64, currency: &str) -> Cell {
    Currency::parse(currency).map_or(Cell::Int(minor), |c| Cell::Money(Money::new(minor, c)))
}

/// A worksheet: its name (at most 31 characters), the header row and the rows below.
pub struct Sheet {
    pub name: &'static str,
    pub headers: &'static [&'static str],
    pub rows: Vec<Vec<Cell>>,
}

/// The sheets as an XLSX file: a bold, frozen header row on each.
pub fn write(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for sheet in sheets {
        let ws = book.add_worksheet().set_name(sheet.name)?;
        for (col, name) in (0u16..).zip(sheet.headers) {
            ws.write_string_with_format(0, col, *name, &bold)?;
        }
        ws.set_freeze_panes(1, 0)?;
        for (row, cells) in (1u32..).zip(&sheet.rows) {
            for (col, cell) in (0u16..).zip(cells) {
                match cell {
                    Cell::Empty => {}
                    Cell::Text(s) => {
                        ws.write_string(row, col, s)?;
                    }
                    // Quantities and minor units stay far below 2^53, exact as a float.
                    Cell::Int(n) => {
                        ws.write_number(row, col, *n as f64)?;
                    }
                    Cell::Number(n) => {
                        ws.write_number(row, col, *n)?;
                    }
                    Cell::Money(money) => {
                        ws.write_number(row, col, money.amount().to_f64().unwrap_or_default())?;
                    }
                }
            }
        }
        ws.autofit();
    }
    book.save_to_buffer()
}

/// The sheets as a downloaded `file_name` (written off the async workers).
pub async fn download(file_name: &str, sheets: Vec<Sheet>) -> Result<HttpResponse, ApiError> {
    let bytes = web::block(move || write(&sheets))
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("report workbook: {e}")))?
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("report workbook: {e}")))?;
    Ok(xlsx(file_name, bytes))
}

#[cfg(test)]
mod tests {
    use calamine::{Data, Reader, Xlsx};

    use super::*;

    #[test]
    fn a_sheet_reads_back_with_its_header_and_cells() {
        let sheet = Sheet {
            name: "stock",
            headers: &["sku", "on_hand", "value", "note"],
            rows: vec![vec!["CMP-1".into(), 3_i64.into(), money(1250, "USD"), Cell::from(None::<String>)]],
        };
        let bytes = write(&[sheet]).unwrap_or_else(|e| panic!("{e}"));
        let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
        let range = book.worksheet_range("stock").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(range.get_value((0, 2)), Some(&Data::String("value".into())));
        assert_eq!(range.get_value((1, 0)), Some(&Data::String("CMP-1".into())));
        assert_eq!(range.get_value((1, 1)), Some(&Data::Float(3.0)));
        assert_eq!(range.get_value((1, 2)), Some(&Data::Float(12.5)), "minor units written as the amount");
    }
}
