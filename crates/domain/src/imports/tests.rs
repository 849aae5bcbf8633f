use super::*;

fn header(cols: &[&str]) -> Vec<String> {
    cols.iter().map(|c| (*c).to_owned()).collect()
}

fn text(values: &[&str]) -> Vec<Cell> {
    values.iter().map(|v| if v.is_empty() { Cell::Empty } else { Cell::Text((*v).to_owned()) }).collect()
}

#[test]
fn header_is_case_insensitive_and_knows_aliases() {
    let map = ColumnMap::from_header(ImportKind::Serials, &header(&["Brand", "SKU", "Serial Number", "Sold"]));
    assert!(map.is_ok());
}

#[test]
fn header_reports_missing_unknown_and_repeated_columns_on_row_1() {
    let errors = ColumnMap::from_header(ImportKind::ProductModels, &header(&["brand_code", "sku", "sku", "colour"]))
        .err()
        .unwrap_or_default();
    let named: Vec<(&str, &str)> =
        errors.iter().map(|e| (e.column.as_deref().unwrap_or(""), e.message.as_str())).collect();
    assert!(errors.iter().all(|e| e.row == 1));
    assert!(named.contains(&("sku", "the column appears twice")));
    assert!(named.contains(&("colour", "unknown column")));
    assert!(named.contains(&("category_code", "required column is missing")));
    assert!(named.contains(&("name", "required column is missing")));
}

#[test]
fn product_row_normalises_sku_and_reads_flags() {
    let map = ColumnMap::from_header(ImportKind::ProductModels, &header(&PRODUCT_MODEL_COLUMNS)).unwrap_or_else(|_| {
        panic!("header");
    });
    let row = product_model_row(2, &text(&["DAIKIN", "AC", " ftkf25 ", "Inverter 1HP", "yes"]), &map);
    assert_eq!(row.as_ref().map(|r| (r.sku.as_str(), r.needs_installation)), Ok(("FTKF25", true)));
    let bad = product_model_row(3, &text(&["DAIKIN", "", "X", "n", "maybe"]), &map).err().unwrap_or_default();
    assert_eq!(bad.len(), 2);
    assert_eq!(bad[0], RowError::new(3, Some("category_code"), "is required"));
    assert_eq!(bad[1].column.as_deref(), Some("needs_installation"));
}

#[test]
fn serial_row_checks_serial_dates_and_their_order() {
    let map = ColumnMap::from_header(ImportKind::Serials, &header(&SERIAL_COLUMNS)).unwrap_or_else(|_| panic!());
    let good = serial_row(
        2,
        &text(&[
            "DAIKIN",
            "ftkf25",
            "k3j-0042",
            "L1",
            "2026-01-02",
            "2026-02-01",
            "INV-1",
            "Shop",
            "",
            "2026-02-03",
            "",
        ]),
        &map,
    );
    let good = good.unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((good.serial_key.as_str(), good.sku.as_str()), ("K3J0042", "FTKF25"));
    let mut cells = text(&["DAIKIN", "X", "SN#1", "", "2026-13-01", "2026-02-01", "", "", "2026-01-01", "", ""]);
    let bad = serial_row(7, &cells, &map).err().unwrap_or_default();
    let cols: Vec<&str> = bad.iter().filter_map(|e| e.column.as_deref()).collect();
    assert_eq!(cols, ["serial", "manufacture_date", "delivery_date"]);
    assert!(bad.iter().all(|e| e.row == 7));
    cells[2] = Cell::Text("SN1".into());
    cells[4] = Cell::Date(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default());
    cells[8] = Cell::Empty;
    let bad = serial_row(8, &cells, &map).err().unwrap_or_default();
    assert_eq!(bad, vec![RowError::new(8, Some("sale_date"), "is before manufacture_date (2026-03-01)")]);
}

#[test]
fn numbers_become_text_without_a_decimal_point() {
    let map = ColumnMap::from_header(ImportKind::Serials, &header(&["brand_code", "sku", "serial"]))
        .unwrap_or_else(|_| panic!());
    let row = serial_row(2, &[Cell::Text("B".into()), Cell::Number(42.0), Cell::Number(12345.0)], &map);
    assert_eq!(row.map(|r| (r.sku, r.serial_key)), Ok(("42".into(), "12345".into())));
}

#[test]
fn repeats_in_a_file_name_the_first_row() {
    let mut seen = SeenInFile::new();
    assert_eq!(seen.check("A", 2), None);
    assert_eq!(seen.check("B", 3), None);
    assert_eq!(seen.check("A", 9), Some(2));
}
