//! The filters of the parts list as they live in the URL (`/parts?q=…&brand_id=…`),
//! named as `GET /parts` names them, so a reload or a shared link shows the same list.

use uuid::Uuid;

use crate::query::{Pairs, href};

/// Every filter of the parts list; empty means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartFilters {
    /// Found in the SKU or the name.
    pub q: String,
    pub brand_id: Option<Uuid>,
    pub model_id: Option<Uuid>,
    pub component_code: String,
    /// `Some(true)` only parts in use, `Some(false)` only discontinued ones.
    pub active: Option<bool>,
}

impl PartFilters {
    /// Reads the filters from a query string's values; malformed values are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let text = |name: &str| get(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        let id = |name: &str| text(name).and_then(|v| Uuid::parse_str(&v).ok());
        Self {
            q: text("q").unwrap_or_default(),
            brand_id: id("brand_id"),
            model_id: id("model_id"),
            component_code: text("component_code")
                .filter(|c| c.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_'))
                .unwrap_or_default(),
            active: text("active").and_then(|v| match v.as_str() {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            }),
        }
    }

    /// The non-empty filters as `(name, value)` pairs, in a stable order.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Pairs::default();
        let mut push = |name, value| out.push(name, value);
        push("q", Some(self.q.trim().to_owned()));
        push("brand_id", self.brand_id.map(|v| v.to_string()));
        push("model_id", self.model_id.map(|v| v.to_string()));
        push("component_code", Some(self.component_code.clone()));
        push("active", self.active.map(|v| v.to_string()));
        out.into_vec()
    }

    /// The page's address with these filters: `/parts` or `/parts?q=pcb`.
    pub fn href(&self) -> String {
        href("/parts", &self.pairs())
    }
}

#[cfg(test)]
mod tests {
    use super::PartFilters;

    #[test]
    fn filters_round_trip_through_the_url() {
        let f = PartFilters { q: "bo mạch".to_owned(), active: Some(false), ..PartFilters::default() };
        assert_eq!(f.href(), "/parts?q=bo%20m%E1%BA%A1ch&active=false");
        let back = PartFilters::from_query(|name| match name {
            "q" => Some("bo mạch".to_owned()),
            "active" => Some("false".to_owned()),
            "brand_id" => Some("not-a-uuid".to_owned()),
            _ => None,
        });
        assert_eq!(back, f);
        assert_eq!(PartFilters::default().href(), "/parts");
    }
}
