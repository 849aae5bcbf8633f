//! Complaints about a ticket's service, each with its own resolution.
//!
//! A complaint often comes after the ticket is closed. It is allowed then: the
//! seal protects the record of the work (stage, codes, warranty, charges), and a
//! complaint changes none of it; it is a separate record that only appends events
//! to the ticket's timeline, which is append-only anyway. A complaint opened after
//! closing does not reopen the ticket; the `complaints_resolved` guard matters only
//! on steps taken while complaints are open.
use super::named_enum;

named_enum!(
    /// What the customer complains about.
    ComplaintCategory {
        /// The technician's or the office's behaviour.
        Attitude = "attitude",
        /// The work itself: the fault is back, the job was done badly.
        Quality = "quality",
        /// Late visits, a repair that took too long.
        Delay = "delay",
        /// Money asked for or taken that should not have been.
        Charge = "charge",
        /// The unit or the customer's property was damaged.
        Damage = "damage",
        Other = "other",
    }
);

named_enum!(
    /// Where a complaint stands; `resolved` and `rejected` are final.
    ComplaintStatus {
        Open = "open",
        /// Upheld and dealt with.
        Resolved = "resolved",
        /// Looked into and found unfounded.
        Rejected = "rejected",
    }
);

impl ComplaintStatus {
    /// A closed complaint takes no further resolution.
    pub fn is_closed(self) -> bool {
        self != ComplaintStatus::Open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_open_complaint_can_still_be_resolved() {
        assert!(!ComplaintStatus::Open.is_closed());
        assert!(ComplaintStatus::Resolved.is_closed());
        assert!(ComplaintStatus::Rejected.is_closed());
    }

    #[test]
    fn categories_read_back_from_their_names() {
        for &c in ComplaintCategory::ALL {
            assert_eq!(ComplaintCategory::parse(c.as_str()), Some(c));
        }
        assert_eq!(ComplaintCategory::parse("rudeness"), None);
    }
}
