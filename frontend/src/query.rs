//! Query strings as the pages write them: enum values by their wire names, values
//! percent-encoded, and a page's address with its non-empty filters.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The wire name of an enum value (`return_exchange`).
pub fn wire<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// An enum value from its wire name; `None` for anything else.
pub fn from_wire<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).ok()
}

/// Percent-encodes a query value (UTF-8; only unreserved characters stay).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `(name, value)` pairs of the filters that are set, in the order pushed.
#[derive(Debug, Default)]
pub struct Pairs(Vec<(&'static str, String)>);

impl Pairs {
    /// Adds the pair unless the value is missing or empty.
    pub fn push(&mut self, name: &'static str, value: Option<String>) {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            self.0.push((name, value));
        }
    }

    pub fn into_vec(self) -> Vec<(&'static str, String)> {
        self.0
    }
}

/// A page's address with these pairs: `/tickets` or `/tickets?q=An&kind=repair`.
pub fn href(path: &str, pairs: &[(&'static str, String)]) -> String {
    if pairs.is_empty() {
        return path.to_owned();
    }
    let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
    format!("{path}?{}", query.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn href_encodes_values_and_skips_empty_filters() {
        let mut pairs = Pairs::default();
        pairs.push("q", Some("Nguyễn & co".to_owned()));
        pairs.push("kind", Some(String::new()));
        pairs.push("branch_id", None);
        assert_eq!(href("/customers", &pairs.into_vec()), "/customers?q=Nguy%E1%BB%85n%20%26%20co");
        assert_eq!(href("/parts", &[]), "/parts");
    }
}
