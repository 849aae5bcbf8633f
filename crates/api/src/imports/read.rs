//! Turning an uploaded CSV or XLSX file into rows of cells. A file that cannot be
//! read at all is the client's fault (422 naming the body); what its rows say is
//! judged later, by the import rules.
use std::io::Cursor;

use aftersales_domain::imports::Cell;
use calamine::{Data, Reader, Xlsx};

pub const CSV: &str = "text/csv";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// A file of no declared format: told by its content.
pub const OCTET_STREAM: &str = "application/octet-stream";

/// The format of an upload, from its content type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    pub fn from_mime(essence: &str) -> Option<Format> {
        match essence {
            CSV => Some(Format::Csv),
            XLSX => Some(Format::Xlsx),
            _ => None,
        }
    }

    /// An XLSX file is a ZIP archive; anything else is taken as CSV (and refused
    /// by the reader if it is not).
    pub fn of_content(bytes: &[u8]) -> Format {
        if bytes.starts_with(b"PK\x03\x04") { Format::Xlsx } else { Format::Csv }
    }
}

/// Rows as in the file, each with its 1-based row number; the first is the header.
/// Rows with nothing in them are left out.
pub struct Sheet {
    pub rows: Vec<(u64, Vec<Cell>)>,
}

impl Sheet {
    pub fn data_rows(&self) -> usize {
        self.rows.len().saturating_sub(1)
    }
}

pub fn read(format: Format, bytes: &[u8]) -> Result<Sheet, String> {
    let sheet = match format {
        Format::Csv => read_csv(bytes)?,
        Format::Xlsx => read_xlsx(bytes)?,
    };
    if sheet.rows.is_empty() {
        return Err("the file is empty; its first row must name the columns".into());
    }
    Ok(sheet)
}

fn read_csv(bytes: &[u8]) -> Result<Sheet, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("not readable as CSV (UTF-8): {e}"))?;
        let line = record.position().map_or(rows.len() as u64 + 1, csv::Position::line);
        let cells: Vec<Cell> =
            record.iter().map(|v| if v.trim().is_empty() { Cell::Empty } else { Cell::Text(v.to_owned()) }).collect();
        if cells.iter().any(|c| *c != Cell::Empty) {
            rows.push((line, cells));
        }
    }
    Ok(Sheet { rows })
}

fn read_xlsx(bytes: &[u8]) -> Result<Sheet, String> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| format!("not an XLSX workbook: {e}"))?;
    let range = match book.worksheet_range_at(0) {
        Some(range) => range.map_err(|e| format!("the first sheet is not readable: {e}"))?,
        None => return Err("the workbook has no sheet".into()),
    };
    let first_row = range.start().map_or(0, |(row, _)| u64::from(row));
    let mut rows = Vec::new();
    for (i, row) in range.rows().enumerate() {
        let cells: Vec<Cell> = row.iter().map(cell).collect();
        if cells.iter().any(|c| *c != Cell::Empty) {
            rows.push((first_row + i as u64 + 1, cells));
        }
    }
    Ok(Sheet { rows })
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::DateTimeIso(s) => Cell::Text(s.get(..10).unwrap_or(s).to_owned()),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        #[allow(clippy::cast_precision_loss)]
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => d.as_datetime().map_or(Cell::Number(d.as_f64()), |dt| Cell::Date(dt.date())),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_keep_their_numbers_and_skip_blank_lines() {
        let sheet = read(Format::Csv, b"\xEF\xBB\xBFa,b\n1,2\n,\n3,\n").unwrap_or_else(|e| panic!("{e}"));
        let numbers: Vec<u64> = sheet.rows.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, [1, 2, 4]);
        assert_eq!(sheet.rows[0].1[0], Cell::Text("a".into()));
        assert_eq!(sheet.data_rows(), 2);
    }

    #[test]
    fn garbage_is_not_a_workbook_and_empty_is_not_a_file() {
        assert!(read(Format::Xlsx, b"not a zip").is_err());
        assert!(read(Format::Csv, b"").is_err());
        assert!(read(Format::Csv, b"\xff\xfe,\n").is_err());
    }
}
