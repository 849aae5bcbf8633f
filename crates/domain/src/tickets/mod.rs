//! Service tickets: what a ticket is, how it is numbered, and the rules that move it
//! (workflow guards, dispatch checks, callbacks, repeat repairs, tracking codes).
pub mod callback;
pub mod complaint;
pub mod default_workflows;
pub mod dispatch;
pub mod numbering;
mod record;
pub mod repeat;
pub mod tracking;
pub mod workflow;

macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)* _ => None }
            }
        }
    };
}
pub(crate) use named_enum;

pub use record::{Assignment, ReopenRefusal, StageChange, Ticket, WarrantySnapshot};

named_enum!(
    /// What the customer asked for. Each kind has its own workflow and number series.
    TicketKind {
        Repair = "repair",
        Installation = "installation",
        Maintenance = "maintenance",
        ReturnExchange = "return_exchange",
    }
);

impl TicketKind {
    /// The prefix of the ticket number, e.g. `RO` in `RO-HN01-2026-000123`.
    pub fn number_prefix(self) -> &'static str {
        match self {
            TicketKind::Repair => "RO",
            TicketKind::Installation => "IN",
            TicketKind::Maintenance => "MT",
            TicketKind::ReturnExchange => "RX",
        }
    }
}

named_enum!(
    /// How the request reached us.
    Channel {
        Counter = "counter",
        Phone = "phone",
        PartnerApi = "partner_api",
        SelfService = "self_service",
        Ecommerce = "ecommerce",
    }
);

named_enum!(
    /// Who started the job: sent down by the manufacturer or a centre, or taken in
    /// by the outlet itself. Settlement with the manufacturer differs.
    Origin {
        Dispatched = "dispatched",
        OwnIntake = "own_intake",
    }
);

named_enum!(
    Priority {
        Low = "low",
        Normal = "normal",
        High = "high",
        Urgent = "urgent",
    }
);

named_enum!(
    /// What a stage means, whatever a company calls it: lists, dashboards and the
    /// public tracking page reason in categories, never in stage codes.
    StageCategory {
        Open = "open",
        InProgress = "in_progress",
        Waiting = "waiting",
        Done = "done",
        Closed = "closed",
    }
);

impl StageCategory {
    /// Categories of tickets still to be worked on: what dispatch and the
    /// dashboard call waiting for a technician when nobody is assigned.
    pub const TO_BE_WORKED_ON: [StageCategory; 3] =
        [StageCategory::Open, StageCategory::InProgress, StageCategory::Waiting];
}

named_enum!(
    /// The warranty decision in one word, for lists and filters.
    WarrantyStatus {
        /// Parts and labour covered.
        Covered = "covered",
        /// Some legs covered, some not.
        Partial = "partial",
        NotCovered = "not_covered",
        /// No registered unit, or no decision yet.
        Unknown = "unknown",
    }
);
