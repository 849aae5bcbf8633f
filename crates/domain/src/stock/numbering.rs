//! Numbers of stock documents: `TR-HN01-2026-000001` = series prefix, branch code,
//! year, sequence. The sequence is per branch, series and year, without gaps, as
//! ticket numbers are.
use crate::tickets::named_enum;

named_enum!(
    /// A numbered kind of stock document.
    DocumentSeries {
        Transfer = "transfer",
        PurchaseOrder = "purchase_order",
        /// A counter sale of parts.
        PartSale = "part_sale",
        /// Old parts back to the manufacturer.
        ReturnToVendor = "return_to_vendor",
    }
);

impl DocumentSeries {
    pub fn prefix(self) -> &'static str {
        match self {
            DocumentSeries::Transfer => "TR",
            DocumentSeries::PurchaseOrder => "PO",
            DocumentSeries::PartSale => "PS",
            DocumentSeries::ReturnToVendor => "RTV",
        }
    }
}

/// The printed number of the `sequence`th document of a series at a branch in a year.
pub fn document_number(series: DocumentSeries, branch_code: &str, year: i32, sequence: i64) -> String {
    format!("{}-{}-{year:04}-{sequence:06}", series.prefix(), branch_code.to_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_name_the_series_branch_and_year() {
        assert_eq!(document_number(DocumentSeries::Transfer, "hn01", 2026, 1), "TR-HN01-2026-000001");
        assert_eq!(document_number(DocumentSeries::PurchaseOrder, "RC-HN", 2027, 42), "PO-RC-HN-2027-000042");
        assert_eq!(document_number(DocumentSeries::PartSale, "hn01", 2026, 1), "PS-HN01-2026-000001");
    }
}
