//! The filters of the transfer list as they live in the URL
//! (`/transfers?status=shipped&warehouse_id=…&in_transit=true`), so a reload or a
//! shared link shows the same list.

use aftersales_api_types::transfers::TransferStatus;
use uuid::Uuid;

use crate::query::{from_wire, wire};

/// Every status, in the order a transfer goes through them.
pub const STATUSES: [TransferStatus; 5] = [
    TransferStatus::Draft,
    TransferStatus::Shipped,
    TransferStatus::PartiallyReceived,
    TransferStatus::Received,
    TransferStatus::Closed,
];

/// The catalogue key of a status.
pub fn status_key(status: TransferStatus) -> &'static str {
    match status {
        TransferStatus::Draft => "transfers.status.draft",
        TransferStatus::Shipped => "transfers.status.shipped",
        TransferStatus::PartiallyReceived => "transfers.status.partially_received",
        TransferStatus::Received => "transfers.status.received",
        TransferStatus::Closed => "transfers.status.closed",
    }
}

/// The filters the API has; empty means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TransferFilters {
    pub status: Option<TransferStatus>,
    /// Out of or into this warehouse.
    pub warehouse_id: Option<Uuid>,
    pub in_transit: Option<bool>,
}

impl TransferFilters {
    /// Reads the filters from the query; malformed values are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        Self {
            status: get("status").and_then(|v| from_wire(v.trim())),
            warehouse_id: get("warehouse_id").and_then(|v| Uuid::parse_str(v.trim()).ok()),
            in_transit: get("in_transit").and_then(|v| v.trim().parse().ok()),
        }
    }

    /// The page's address with these filters.
    pub fn href(&self) -> String {
        let mut pairs = Vec::new();
        if let Some(s) = &self.status {
            pairs.push(format!("status={}", wire(s)));
        }
        if let Some(w) = self.warehouse_id {
            pairs.push(format!("warehouse_id={w}"));
        }
        if let Some(b) = self.in_transit {
            pairs.push(format!("in_transit={b}"));
        }
        if pairs.is_empty() { "/transfers".to_owned() } else { format!("/transfers?{}", pairs.join("&")) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_go_through_the_url_unchanged() {
        let f = TransferFilters {
            status: Some(TransferStatus::PartiallyReceived),
            warehouse_id: Some(Uuid::nil()),
            in_transit: Some(true),
        };
        let href = f.href();
        assert_eq!(href, format!("/transfers?status=partially_received&warehouse_id={}&in_transit=true", Uuid::nil()));
        let query: Vec<(String, String)> = href
            .split_once('?')
            .map(|(_, q)| {
                q.split('&').filter_map(|p| p.split_once('=')).map(|(k, v)| (k.to_owned(), v.to_owned())).collect()
            })
            .unwrap_or_default();
        let back = TransferFilters::from_query(|n| query.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone()));
        assert_eq!(back, f);
        assert_eq!(TransferFilters::default().href(), "/transfers");
    }
}
