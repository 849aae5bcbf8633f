//! The filters of the old-parts list as they live in the URL
//! (`/old-parts?status=owed&technician_id=…&overdue=true`), so a reload or a
//! shared link shows the same list.

use aftersales_api_types::defective_parts::DefectiveStatus;
use uuid::Uuid;

use crate::query::{Pairs, from_wire, href, wire};

/// Every status, in the order an old part goes through them.
pub const STATUSES: [DefectiveStatus; 5] = [
    DefectiveStatus::Owed,
    DefectiveStatus::Received,
    DefectiveStatus::Shipped,
    DefectiveStatus::WrittenOff,
    DefectiveStatus::Scrapped,
];

/// The catalogue key of a status.
pub fn status_key(status: DefectiveStatus) -> &'static str {
    match status {
        DefectiveStatus::Owed => "old_parts.status.owed",
        DefectiveStatus::Received => "old_parts.status.received",
        DefectiveStatus::Shipped => "old_parts.status.shipped",
        DefectiveStatus::WrittenOff => "old_parts.status.written_off",
        DefectiveStatus::Scrapped => "old_parts.status.scrapped",
    }
}

/// The filters the API has; empty means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OldPartFilters {
    pub status: Option<DefectiveStatus>,
    pub technician_id: Option<Uuid>,
    /// `true`: only those owed past due; `false`: all the others.
    pub overdue: Option<bool>,
}

impl OldPartFilters {
    /// Reads the filters from the query; malformed values are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        Self {
            status: get("status").and_then(|v| from_wire(v.trim())),
            technician_id: get("technician_id").and_then(|v| Uuid::parse_str(v.trim()).ok()),
            overdue: get("overdue").and_then(|v| v.trim().parse().ok()),
        }
    }

    /// The page's address with these filters.
    pub fn href(&self) -> String {
        let mut pairs = Pairs::default();
        pairs.push("status", self.status.as_ref().map(wire));
        pairs.push("technician_id", self.technician_id.map(|t| t.to_string()));
        pairs.push("overdue", self.overdue.map(|o| o.to_string()));
        href("/old-parts", &pairs.into_vec())
    }

    /// Whether the list is read overdue first and the rest after: when the user
    /// asked for neither side alone and some of the parts listed may be owed.
    pub fn overdue_first(&self) -> bool {
        self.overdue.is_none() && matches!(self.status, None | Some(DefectiveStatus::Owed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_go_through_the_url_unchanged() {
        let f = OldPartFilters {
            status: Some(DefectiveStatus::WrittenOff),
            technician_id: Some(Uuid::nil()),
            overdue: Some(true),
        };
        let href = f.href();
        assert_eq!(href, format!("/old-parts?status=written_off&technician_id={}&overdue=true", Uuid::nil()));
        let query: Vec<(String, String)> = href
            .split_once('?')
            .map(|(_, q)| {
                q.split('&').filter_map(|p| p.split_once('=')).map(|(k, v)| (k.to_owned(), v.to_owned())).collect()
            })
            .unwrap_or_default();
        let back = OldPartFilters::from_query(|n| query.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone()));
        assert_eq!(back, f);
        assert_eq!(OldPartFilters::default().href(), "/old-parts");
    }

    #[test]
    fn the_overdue_come_first_unless_one_side_is_asked_for() {
        assert!(OldPartFilters::default().overdue_first());
        assert!(!OldPartFilters { overdue: Some(false), ..Default::default() }.overdue_first());
        let handed_in = OldPartFilters { status: Some(DefectiveStatus::Received), ..Default::default() };
        assert!(!handed_in.overdue_first());
    }
}
