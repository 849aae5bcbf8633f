//! The filters of the purchase order list as they live in the URL
//! (`/purchase-orders?status=ordered&warehouse_id=…`), named as the API names them.

use aftersales_api_types::purchasing::PurchaseOrderStatus;
use uuid::Uuid;

/// Every status, in the order an order goes through them.
pub const STATUSES: &[PurchaseOrderStatus] = &[
    PurchaseOrderStatus::Draft,
    PurchaseOrderStatus::Ordered,
    PurchaseOrderStatus::PartiallyReceived,
    PurchaseOrderStatus::Received,
    PurchaseOrderStatus::Cancelled,
];

/// A status as the API spells it: `partially_received`.
pub fn status_code(status: PurchaseOrderStatus) -> &'static str {
    match status {
        PurchaseOrderStatus::Draft => "draft",
        PurchaseOrderStatus::Ordered => "ordered",
        PurchaseOrderStatus::PartiallyReceived => "partially_received",
        PurchaseOrderStatus::Received => "received",
        PurchaseOrderStatus::Cancelled => "cancelled",
    }
}

/// The catalogue key of a status, in words.
pub fn status_key(status: PurchaseOrderStatus) -> &'static str {
    match status {
        PurchaseOrderStatus::Draft => "purchasing.status.draft",
        PurchaseOrderStatus::Ordered => "purchasing.status.ordered",
        PurchaseOrderStatus::PartiallyReceived => "purchasing.status.partially_received",
        PurchaseOrderStatus::Received => "purchasing.status.received",
        PurchaseOrderStatus::Cancelled => "purchasing.status.cancelled",
    }
}

/// The list's filters; `None` means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderFilters {
    pub status: Option<PurchaseOrderStatus>,
    pub warehouse_id: Option<Uuid>,
}

impl OrderFilters {
    /// Reads the filters from a query string's values; malformed values are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let status = get("status").and_then(|s| STATUSES.iter().copied().find(|st| status_code(*st) == s.trim()));
        let warehouse_id = get("warehouse_id").and_then(|v| Uuid::parse_str(v.trim()).ok());
        Self { status, warehouse_id }
    }

    /// The set filters as `(name, value)` pairs, in a stable order.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(status) = self.status {
            out.push(("status", status_code(status).to_owned()));
        }
        if let Some(w) = self.warehouse_id {
            out.push(("warehouse_id", w.to_string()));
        }
        out
    }

    /// The page's address with these filters (the values need no escaping).
    pub fn href(&self) -> String {
        let query: Vec<String> = self.pairs().iter().map(|(k, v)| format!("{k}={v}")).collect();
        if query.is_empty() { "/purchase-orders".to_owned() } else { format!("/purchase-orders?{}", query.join("&")) }
    }
}

#[cfg(test)]
mod tests {
    use aftersales_api_types::purchasing::PurchaseOrderStatus;

    use super::OrderFilters;

    #[test]
    fn filters_round_trip_through_the_url() {
        let f = OrderFilters { status: Some(PurchaseOrderStatus::PartiallyReceived), warehouse_id: None };
        assert_eq!(f.href(), "/purchase-orders?status=partially_received");
        let back = OrderFilters::from_query(|name| match name {
            "status" => Some("partially_received".to_owned()),
            "warehouse_id" => Some("nope".to_owned()),
            _ => None,
        });
        assert_eq!(back, f);
        assert_eq!(OrderFilters::default().href(), "/purchase-orders");
    }
}
