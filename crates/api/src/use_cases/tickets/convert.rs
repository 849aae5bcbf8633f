//! Ticket enums between the wire and the domain: one `match` each way, written out
//! variant by variant, so a variant added on either side stops the build until both
//! sides agree. (Storage keeps the domain's own names, `as_str`/`parse`.)
use aftersales_api_types::{followups as wire_followups, tickets as wire_tickets, workflows as wire_workflows};
use aftersales_domain::tickets as domain_tickets;
use aftersales_domain::tickets::{
    callback as domain_callback, complaint as domain_complaint, workflow as domain_workflow,
};

/// A domain value as the API shows it.
pub trait ToWire {
    type Wire;
    fn to_wire(self) -> Self::Wire;
}

/// A value the API was sent, as the domain's.
pub trait ToDomain {
    type Domain;
    fn to_domain(self) -> Self::Domain;
}

/// Both conversions of an enum whose variants have the same names on both sides.
macro_rules! both_ways {
    ($dm:ident :: $dn:ident <=> $wm:ident :: $wn:ident { $($variant:ident),* $(,)? }) => {
        impl ToWire for $dm::$dn {
            type Wire = $wm::$wn;
            fn to_wire(self) -> $wm::$wn {
                match self { $($dm::$dn::$variant => $wm::$wn::$variant),* }
            }
        }

        impl ToDomain for $wm::$wn {
            type Domain = $dm::$dn;
            fn to_domain(self) -> $dm::$dn {
                match self { $($wm::$wn::$variant => $dm::$dn::$variant),* }
            }
        }
    };
}

both_ways!(domain_tickets::TicketKind <=> wire_tickets::TicketKind {
    Repair, Installation, Maintenance, ReturnExchange
});
both_ways!(domain_tickets::Channel <=> wire_tickets::Channel { Counter, Phone, PartnerApi, SelfService, Ecommerce });
both_ways!(domain_tickets::Origin <=> wire_tickets::Origin { Dispatched, OwnIntake });
both_ways!(domain_tickets::Priority <=> wire_tickets::Priority { Low, Normal, High, Urgent });
both_ways!(domain_tickets::StageCategory <=> wire_tickets::StageCategory {
    Open, InProgress, Waiting, Done, Closed
});
both_ways!(domain_tickets::WarrantyStatus <=> wire_tickets::WarrantyStatus {
    Covered, Partial, NotCovered, Unknown
});
both_ways!(domain_workflow::Guard <=> wire_workflows::Guard {
    TechnicianAssigned,
    DiagnosisRecorded,
    ResolutionRecorded,
    LabourRecorded,
    PartsReconciled,
    InstallationCardReturned,
    CallbackDone,
    ComplaintsResolved,
    NoteGiven,
});
both_ways!(domain_callback::CallbackStatus <=> wire_followups::CallbackStatus { Pending, Done, Unreachable });
both_ways!(domain_callback::AnswerKind <=> wire_followups::AnswerKind { YesNo, Score, Text });
both_ways!(domain_complaint::ComplaintCategory <=> wire_followups::ComplaintCategory {
    Attitude, Quality, Delay, Charge, Damage, Other
});
both_ways!(domain_complaint::ComplaintStatus <=> wire_followups::ComplaintStatus { Open, Resolved, Rejected });

impl<T: ToDomain> ToDomain for Option<T> {
    type Domain = Option<T::Domain>;
    fn to_domain(self) -> Option<T::Domain> {
        self.map(ToDomain::to_domain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The wire names are the domain's names (what storage keeps), so a value reads
    /// the same in the database, the API and the logs.
    fn same_names<D: Copy + ToWire>(all: &[D], name: fn(D) -> &'static str)
    where
        D::Wire: serde::Serialize,
    {
        for &value in all {
            let wire = serde_json::to_value(value.to_wire()).unwrap_or_default();
            assert_eq!(wire.as_str(), Some(name(value)));
        }
    }

    #[test]
    fn wire_and_domain_use_the_same_names() {
        same_names(domain_tickets::TicketKind::ALL, |v| v.as_str());
        same_names(domain_tickets::Channel::ALL, |v| v.as_str());
        same_names(domain_tickets::Origin::ALL, |v| v.as_str());
        same_names(domain_tickets::Priority::ALL, |v| v.as_str());
        same_names(domain_tickets::StageCategory::ALL, |v| v.as_str());
        same_names(domain_tickets::WarrantyStatus::ALL, |v| v.as_str());
        same_names(domain_workflow::Guard::ALL, |v| v.as_str());
        same_names(domain_callback::CallbackStatus::ALL, |v| v.as_str());
        same_names(domain_complaint::ComplaintCategory::ALL, |v| v.as_str());
        same_names(domain_complaint::ComplaintStatus::ALL, |v| v.as_str());
    }

    #[test]
    fn every_value_comes_back_the_same() {
        for &kind in domain_tickets::TicketKind::ALL {
            assert_eq!(kind.to_wire().to_domain(), kind);
        }
        for &guard in domain_workflow::Guard::ALL {
            assert_eq!(guard.to_wire().to_domain(), guard);
        }
    }
}
