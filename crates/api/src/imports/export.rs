//! Export to XLSX with the columns of the import, so an export can be re-imported.
//! Dates are written as ISO `YYYY-MM-DD` text, which the import reads back.
use std::collections::HashMap;

use aftersales_domain::imports::{PRODUCT_MODEL_COLUMNS, SERIAL_COLUMNS};
use aftersales_persistence::catalogue::bulk::{CatalogueIndex, ModelRow};
use aftersales_persistence::serials::bulk::ExportUnit;
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use uuid::Uuid;

/// Data rows a worksheet can hold below its header.
pub const MAX_ROWS: usize = 1_048_575;

fn header(sheet: &mut Worksheet, columns: &[&str]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    for (col, name) in (0u16..).zip(columns) {
        sheet.write_string_with_format(0, col, *name, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn text(sheet: &mut Worksheet, row: u32, col: u16, value: Option<&str>) -> Result<(), XlsxError> {
    if let Some(v) = value {
        sheet.write_string(row, col, v)?;
    }
    Ok(())
}

fn date(sheet: &mut Worksheet, row: u32, col: u16, value: Option<NaiveDate>) -> Result<(), XlsxError> {
    text(sheet, row, col, value.map(|d| d.format("%Y-%m-%d").to_string()).as_deref())
}

pub fn product_models(index: &CatalogueIndex, models: &[ModelRow]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("product_models")?;
    header(sheet, &PRODUCT_MODEL_COLUMNS)?;
    for (row, (brand_id, category_id, sku, name, needs_installation)) in (1u32..).zip(models) {
        text(sheet, row, 0, index.brand_codes.get(brand_id).map(String::as_str))?;
        text(sheet, row, 1, index.category_codes.get(category_id).map(String::as_str))?;
        sheet.write_string(row, 2, sku)?;
        sheet.write_string(row, 3, name)?;
        sheet.write_boolean(row, 4, *needs_installation)?;
    }
    book.save_to_buffer()
}

pub fn serials(index: &CatalogueIndex, units: &[ExportUnit]) -> Result<Vec<u8>, XlsxError> {
    let skus: HashMap<Uuid, &str> = index.models.iter().map(|((_, sku), id)| (*id, sku.as_str())).collect();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("serials")?;
    header(sheet, &SERIAL_COLUMNS)?;
    for (row, unit) in (1u32..).zip(units) {
        let f = &unit.facts;
        text(sheet, row, 0, index.brand_codes.get(&unit.brand_id).map(String::as_str))?;
        text(sheet, row, 1, skus.get(&unit.model_id).copied())?;
        sheet.write_string(row, 2, &unit.serial)?;
        text(sheet, row, 3, f.lot.as_deref())?;
        date(sheet, row, 4, f.manufacture_date)?;
        date(sheet, row, 5, f.sale_date)?;
        text(sheet, row, 6, f.sale_document.as_deref())?;
        text(sheet, row, 7, f.seller.as_deref())?;
        date(sheet, row, 8, f.delivery_date)?;
        date(sheet, row, 9, f.installation_date)?;
        text(sheet, row, 10, f.warranty_card_number.as_deref())?;
    }
    book.save_to_buffer()
}
