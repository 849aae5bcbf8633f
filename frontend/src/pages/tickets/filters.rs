//! The filters of the ticket list as they live in the URL (`/tickets?q=…&kind=…`),
//! so a reload or a shared link shows the same list. Days are written in the URL as
//! ISO dates (`2024-03-20`) whatever the language, and enums by their wire names.

use aftersales_api_types::tickets::{StageCategory, TicketKind, WarrantyStatus};
use chrono::NaiveDate;
use uuid::Uuid;

use crate::query::{Pairs, from_wire, href, wire};

/// Every filter the page understands; empty means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TicketFilters {
    /// Ticket number, customer name or phone, serial.
    pub q: String,
    pub kind: Option<TicketKind>,
    /// A stage code (only set by links; the form filters by category).
    pub stage: String,
    pub stage_category: Option<StageCategory>,
    pub warranty_status: Option<WarrantyStatus>,
    pub branch_id: Option<Uuid>,
    pub technician_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub serial_id: Option<Uuid>,
    pub unassigned: bool,
    pub repeat_repair: bool,
    pub contradiction: bool,
    /// Created on or after this local day.
    pub from: Option<NaiveDate>,
    /// Created on or before this local day.
    pub to: Option<NaiveDate>,
    pub oldest_first: bool,
}

impl TicketFilters {
    /// Reads the filters from a query string's values (`get("kind")`); unknown or
    /// malformed values are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let text = |name: &str| get(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        let flag = |name: &str| text(name).is_some_and(|v| v == "true");
        let id = |name: &str| text(name).and_then(|v| Uuid::parse_str(&v).ok());
        let day = |name: &str| text(name).and_then(|v| NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok());
        Self {
            q: text("q").unwrap_or_default(),
            kind: text("kind").and_then(|v| from_wire(&v)),
            stage: text("stage").unwrap_or_default(),
            stage_category: text("stage_category").and_then(|v| from_wire(&v)),
            warranty_status: text("warranty_status").and_then(|v| from_wire(&v)),
            branch_id: id("branch_id"),
            technician_id: id("technician_id"),
            customer_id: id("customer_id"),
            serial_id: id("serial_id"),
            unassigned: flag("unassigned"),
            repeat_repair: flag("repeat_repair"),
            contradiction: flag("contradiction"),
            from: day("from"),
            to: day("to"),
            oldest_first: text("sort").is_some_and(|v| v == "oldest"),
        }
    }

    /// The non-empty filters as `(name, value)` pairs, in a stable order.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Pairs::default();
        let mut push = |name, value| out.push(name, value);
        push("q", Some(self.q.trim().to_owned()));
        push("kind", self.kind.as_ref().map(wire));
        push("stage", Some(self.stage.clone()));
        push("stage_category", self.stage_category.as_ref().map(wire));
        push("warranty_status", self.warranty_status.as_ref().map(wire));
        push("branch_id", self.branch_id.map(|v| v.to_string()));
        push("technician_id", self.technician_id.map(|v| v.to_string()));
        push("customer_id", self.customer_id.map(|v| v.to_string()));
        push("serial_id", self.serial_id.map(|v| v.to_string()));
        push("unassigned", self.unassigned.then(|| "true".to_owned()));
        push("repeat_repair", self.repeat_repair.then(|| "true".to_owned()));
        push("contradiction", self.contradiction.then(|| "true".to_owned()));
        push("from", self.from.map(|d| d.format("%Y-%m-%d").to_string()));
        push("to", self.to.map(|d| d.format("%Y-%m-%d").to_string()));
        push("sort", self.oldest_first.then(|| "oldest".to_owned()));
        out.into_vec()
    }

    /// The page's address with these filters: `/tickets` or `/tickets?q=An&kind=repair`.
    pub fn href(&self) -> String {
        href("/tickets", &self.pairs())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn parse(href: &str) -> TicketFilters {
        let query = href.split_once('?').map(|(_, q)| q).unwrap_or_default();
        let map: HashMap<String, String> =
            query.split('&').filter_map(|p| p.split_once('=')).map(|(k, v)| (k.to_owned(), decode(v))).collect();
        TicketFilters::from_query(|k| map.get(k).cloned())
    }

    fn decode(v: &str) -> String {
        let bytes = v.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' && i + 2 < bytes.len() + 1 {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("00");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(0));
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn no_filters_is_the_bare_page() {
        assert_eq!(TicketFilters::default().href(), "/tickets");
        assert_eq!(parse("/tickets"), TicketFilters::default());
    }

    #[test]
    fn every_filter_survives_the_url() {
        let filters = TicketFilters {
            q: "Nguyễn Văn & co".to_owned(),
            kind: Some(TicketKind::ReturnExchange),
            stage: "received".to_owned(),
            stage_category: Some(StageCategory::InProgress),
            warranty_status: Some(WarrantyStatus::NotCovered),
            branch_id: Some(Uuid::nil()),
            technician_id: None,
            customer_id: Some(Uuid::max()),
            serial_id: None,
            unassigned: true,
            repeat_repair: true,
            contradiction: false,
            from: NaiveDate::from_ymd_opt(2024, 3, 20),
            to: NaiveDate::from_ymd_opt(2024, 4, 1),
            oldest_first: true,
        };
        let href = filters.href();
        assert!(href.contains("kind=return_exchange"), "{href}");
        assert!(href.contains("stage_category=in_progress"), "{href}");
        assert!(href.contains("from=2024-03-20"), "{href}");
        assert!(!href.contains(' ') && !href.contains("&co"), "{href}");
        assert_eq!(parse(&href), filters);
    }

    #[test]
    fn malformed_values_are_ignored() {
        let filters = parse("/tickets?kind=boat&from=2024-13-01&unassigned=yes&q=%20%20&branch_id=x");
        assert_eq!(filters, TicketFilters::default());
    }
}
