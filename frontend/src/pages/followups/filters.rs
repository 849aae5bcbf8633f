//! The follow-ups work list's filters as they live in the address
//! (`/follow-ups?list=complaints&status=open`), named as the API names them.

use aftersales_api_types::followups::{CallbackStatus, ComplaintStatus};
use uuid::Uuid;

use crate::query::{Pairs, from_wire, href, wire};

/// Which of the two lists is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum List {
    /// Calls to make and made, the earliest due first.
    #[default]
    Callbacks,
    /// Complaints, the newest first.
    Complaints,
}

/// The list shown and its filters; `None` means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FollowUpFilters {
    pub list: List,
    pub callback_status: Option<CallbackStatus>,
    /// Only the pending calls past their due time.
    pub overdue: bool,
    /// Only the calls this agent made.
    pub done_by: Option<Uuid>,
    pub complaint_status: Option<ComplaintStatus>,
    /// Only the complaints about this technician.
    pub technician_id: Option<Uuid>,
}

impl FollowUpFilters {
    /// Reads the filters from a query string's values; malformed values are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let list = if get("list").as_deref() == Some("complaints") { List::Complaints } else { List::Callbacks };
        let id = |name: &str| get(name).and_then(|v| Uuid::parse_str(v.trim()).ok());
        let status = get("status").unwrap_or_default();
        match list {
            List::Callbacks => Self {
                list,
                callback_status: from_wire(status.trim()),
                overdue: get("overdue").as_deref() == Some("true"),
                done_by: id("done_by"),
                ..Self::default()
            },
            List::Complaints => Self {
                list,
                complaint_status: from_wire(status.trim()),
                technician_id: id("technician_id"),
                ..Self::default()
            },
        }
    }

    /// The filters of the shown list as the API takes them.
    pub fn api_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Pairs::default();
        match self.list {
            List::Callbacks => {
                pairs.push("status", self.callback_status.map(|s| wire(&s)));
                pairs.push("overdue", self.overdue.then(|| "true".to_owned()));
                pairs.push("done_by", self.done_by.map(|id| id.to_string()));
            }
            List::Complaints => {
                pairs.push("status", self.complaint_status.map(|s| wire(&s)));
                pairs.push("technician_id", self.technician_id.map(|id| id.to_string()));
            }
        }
        pairs.into_vec()
    }

    /// The page's address with these filters.
    pub fn href(&self) -> String {
        let mut pairs = Vec::new();
        if self.list == List::Complaints {
            pairs.push(("list", "complaints".to_owned()));
        }
        pairs.extend(self.api_pairs());
        href("/follow-ups", &pairs)
    }

    /// The other list, unfiltered.
    pub fn of(list: List) -> Self {
        Self { list, ..Self::default() }
    }
}

#[cfg(test)]
mod tests {
    use aftersales_api_types::followups::{CallbackStatus, ComplaintStatus};
    use uuid::Uuid;

    use super::{FollowUpFilters, List};

    fn read(href: &str) -> FollowUpFilters {
        let query = href.split_once('?').map_or("", |(_, q)| q).to_owned();
        FollowUpFilters::from_query(|name| {
            query
                .split('&')
                .find_map(|pair| pair.split_once('=').filter(|(k, _)| *k == name).map(|(_, v)| v.to_owned()))
        })
    }

    #[test]
    fn each_lists_filters_round_trip_through_the_address() {
        let calls = FollowUpFilters {
            callback_status: Some(CallbackStatus::Pending),
            overdue: true,
            done_by: Some(Uuid::nil()),
            ..FollowUpFilters::default()
        };
        assert_eq!(read(&calls.href()), calls);
        let complaints = FollowUpFilters {
            list: List::Complaints,
            complaint_status: Some(ComplaintStatus::Open),
            technician_id: Some(Uuid::max()),
            ..FollowUpFilters::default()
        };
        assert_eq!(complaints.href(), format!("/follow-ups?list=complaints&status=open&technician_id={}", Uuid::max()));
        assert_eq!(read(&complaints.href()), complaints);
    }

    #[test]
    fn a_lists_filters_do_not_leak_into_the_other() {
        let f = read("/follow-ups?list=complaints&overdue=true&status=pending");
        assert_eq!(f, FollowUpFilters::of(List::Complaints), "pending is not a complaint's status");
        assert_eq!(FollowUpFilters::of(List::Callbacks).href(), "/follow-ups");
    }
}
