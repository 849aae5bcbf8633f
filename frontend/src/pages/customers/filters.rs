//! The filters of the customer list as they live in the URL
//! (`/customers?q=…&kind=company&source=phone&branch_id=…`), so a reload or a shared
//! link shows the same list. Enums are written by their wire names.

use aftersales_api_types::customers::{CustomerKind, CustomerSource};
use uuid::Uuid;

use crate::query::{Pairs, from_wire, href, wire};

/// Every filter of `GET /customers`; empty means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerFilters {
    /// Part of the name, tax id, an e-mail or a phone number.
    pub q: String,
    pub kind: Option<CustomerKind>,
    pub source: Option<CustomerSource>,
    pub branch_id: Option<Uuid>,
}

pub const KINDS: [CustomerKind; 2] = [CustomerKind::Individual, CustomerKind::Company];

pub const SOURCES: [CustomerSource; 5] = [
    CustomerSource::WalkIn,
    CustomerSource::Phone,
    CustomerSource::Partner,
    CustomerSource::Web,
    CustomerSource::Ecommerce,
];

pub fn kind_key(kind: CustomerKind) -> &'static str {
    match kind {
        CustomerKind::Individual => "customers.kind.individual",
        CustomerKind::Company => "customers.kind.company",
    }
}

pub fn source_key(source: CustomerSource) -> &'static str {
    match source {
        CustomerSource::WalkIn => "customers.source.walk_in",
        CustomerSource::Phone => "customers.source.phone",
        CustomerSource::Partner => "customers.source.partner",
        CustomerSource::Web => "customers.source.web",
        CustomerSource::Ecommerce => "customers.source.ecommerce",
    }
}

impl CustomerFilters {
    /// Reads the filters from a query string's values; malformed values are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let text = |name: &str| get(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        Self {
            q: text("q").unwrap_or_default(),
            kind: text("kind").and_then(|v| from_wire(&v)),
            source: text("source").and_then(|v| from_wire(&v)),
            branch_id: text("branch_id").and_then(|v| Uuid::parse_str(&v).ok()),
        }
    }

    /// The non-empty filters as `(name, value)` pairs, in a stable order.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Pairs::default();
        out.push("q", Some(self.q.trim().to_owned()));
        out.push("kind", self.kind.as_ref().map(wire));
        out.push("source", self.source.as_ref().map(wire));
        out.push("branch_id", self.branch_id.map(|b| b.to_string()));
        out.into_vec()
    }

    /// The page's address with these filters: `/customers` or `/customers?q=An`.
    pub fn href(&self) -> String {
        href("/customers", &self.pairs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_survive_the_url() {
        let filters = CustomerFilters {
            q: "Nguyễn & co".to_owned(),
            kind: Some(CustomerKind::Company),
            source: Some(CustomerSource::WalkIn),
            branch_id: Some(Uuid::nil()),
        };
        let href = filters.href();
        assert!(href.starts_with("/customers?q=Nguy%E1%BB%85n%20%26%20co&kind=company&source=walk_in"), "{href}");
        let pairs = filters.pairs();
        let back = CustomerFilters::from_query(|k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()));
        assert_eq!(back, filters);
        assert_eq!(CustomerFilters::default().href(), "/customers");
    }

    #[test]
    fn malformed_values_are_ignored() {
        let filters = CustomerFilters::from_query(|k| Some(if k == "q" { "  " } else { "boat" }.to_owned()));
        assert_eq!(filters, CustomerFilters::default());
    }
}
