//! The filters of the sales list as they live in the URL
//! (`/part-sales?warehouse_id=…&from=2026-03-01&to=2026-03-31`): days in the
//! browser's time zone, sent to the API as the instants they start and end at.

use chrono::{Days, NaiveDate};
use uuid::Uuid;

use crate::i18n::date::{iso_date, iso_instant};
use crate::i18n::local_instant;

/// The list's filters; `None` means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaleFilters {
    pub warehouse_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    /// The first day, included.
    pub from: Option<NaiveDate>,
    /// The last day, included.
    pub to: Option<NaiveDate>,
}

impl SaleFilters {
    /// Reads the filters from a query string's values; malformed values are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let id = |name: &str| get(name).and_then(|v| Uuid::parse_str(v.trim()).ok());
        let day = |name: &str| get(name).and_then(|v| v.trim().parse::<NaiveDate>().ok());
        Self { warehouse_id: id("warehouse_id"), customer_id: id("customer_id"), from: day("from"), to: day("to") }
    }

    /// The set filters as the URL keeps them, in a stable order.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(w) = self.warehouse_id {
            out.push(("warehouse_id", w.to_string()));
        }
        if let Some(c) = self.customer_id {
            out.push(("customer_id", c.to_string()));
        }
        if let Some(d) = self.from {
            out.push(("from", iso_date(d)));
        }
        if let Some(d) = self.to {
            out.push(("to", iso_date(d)));
        }
        out
    }

    /// The filters as the API takes them: the days as instants in the browser's zone.
    pub fn api_pairs(&self) -> Vec<(&'static str, String)> {
        let instant = |day: NaiveDate| local_instant(day, "00:00").map(iso_instant);
        let mut out: Vec<(&'static str, String)> =
            self.pairs().into_iter().filter(|(k, _)| matches!(*k, "warehouse_id" | "customer_id")).collect();
        if let Some(from) = self.from.and_then(instant) {
            out.push(("sold_from", from));
        }
        if let Some(to) = self.to.and_then(|d| d.checked_add_days(Days::new(1))).and_then(instant) {
            out.push(("sold_to", to));
        }
        out
    }

    /// The page's address with these filters (the values need no escaping).
    pub fn href(&self) -> String {
        let query: Vec<String> = self.pairs().iter().map(|(k, v)| format!("{k}={v}")).collect();
        if query.is_empty() { "/part-sales".to_owned() } else { format!("/part-sales?{}", query.join("&")) }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::SaleFilters;

    #[test]
    fn filters_round_trip_through_the_url() {
        let f = SaleFilters { from: NaiveDate::from_ymd_opt(2026, 3, 1), ..SaleFilters::default() };
        assert_eq!(f.href(), "/part-sales?from=2026-03-01");
        let back = SaleFilters::from_query(|name| match name {
            "from" => Some("2026-03-01".to_owned()),
            "warehouse_id" => Some("nope".to_owned()),
            _ => None,
        });
        assert_eq!(back, f);
        assert_eq!(SaleFilters::default().href(), "/part-sales");
    }
}
