//! The filters of the order list as they live in the URL
//! (`/orders?status=delivered&partner_id=…&external_reference=…`), named as the
//! API names them.

use aftersales_api_types::orders::OrderStatus;
use uuid::Uuid;

use crate::query::{Pairs, href};

/// The list's filters; `None` means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderFilters {
    pub status: Option<OrderStatus>,
    pub partner_id: Option<Uuid>,
    /// The platform's order number, exactly.
    pub external_reference: Option<String>,
}

impl OrderFilters {
    /// Reads the filters from a query string's values; malformed values are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        Self {
            status: get("status").and_then(|s| OrderStatus::parse(s.trim())),
            partner_id: get("partner_id").and_then(|v| Uuid::parse_str(v.trim()).ok()),
            external_reference: get("external_reference").map(|r| r.trim().to_owned()).filter(|r| !r.is_empty()),
        }
    }

    /// The set filters as `(name, value)` pairs, in a stable order.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Pairs::default();
        pairs.push("status", self.status.map(|s| s.as_str().to_owned()));
        pairs.push("partner_id", self.partner_id.map(|p| p.to_string()));
        pairs.push("external_reference", self.external_reference.clone());
        pairs.into_vec()
    }

    /// The page's address with these filters.
    pub fn href(&self) -> String {
        href("/orders", &self.pairs())
    }
}

#[cfg(test)]
mod tests {
    use aftersales_api_types::orders::OrderStatus;

    use super::OrderFilters;

    #[test]
    fn filters_round_trip_through_the_url() {
        let f = OrderFilters {
            status: Some(OrderStatus::ExchangeRequested),
            partner_id: None,
            external_reference: Some("SHOPEE 42/A".to_owned()),
        };
        assert_eq!(f.href(), "/orders?status=exchange_requested&external_reference=SHOPEE%2042%2FA");
        let back = OrderFilters::from_query(|name| match name {
            "status" => Some("exchange_requested".to_owned()),
            "partner_id" => Some("nope".to_owned()),
            "external_reference" => Some(" SHOPEE 42/A ".to_owned()),
            _ => None,
        });
        assert_eq!(back, f);
        assert_eq!(OrderFilters::default().href(), "/orders");
        assert_eq!(OrderFilters::from_query(|_| Some(String::new())), OrderFilters::default());
    }
}
