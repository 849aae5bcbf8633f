//! Closed sets of values some answers carry as plain strings (the frontend reads
//! them as text and shows unknown ones as they are). Each set is written down here
//! once so the OpenAPI document can declare it as an enum (`value_type` on the
//! field): a generated client then gets a typed value instead of any string.
//! A value added on the server must be added here, or a generated client refuses it.
use serde::{Deserialize, Serialize};

macro_rules! closed_set {
    ($(#[$meta:meta])* $name:ident, $example:tt { $($(#[$vmeta:meta])* $variant:ident = $text:tt),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(feature = "openapi", schema(example = $example))]
        pub enum $name { $($(#[$vmeta])* #[serde(rename = $text)] $variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            pub fn parse(text: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == text)
            }
        }
    };
}
pub(crate) use closed_set;

closed_set!(
    /// The stable machine code of a problem answer; one per kind of problem.
    ProblemCode, "validation_failed" {
        MalformedRequest = "malformed_request",
        UnsupportedMediaType = "unsupported_media_type",
        PayloadTooLarge = "payload_too_large",
        ValidationFailed = "validation_failed",
        Unauthenticated = "unauthenticated",
        InvalidCredentials = "invalid_credentials",
        Forbidden = "forbidden",
        NotFound = "not_found",
        RouteNotFound = "route_not_found",
        MethodNotAllowed = "method_not_allowed",
        Conflict = "conflict",
        VersionMismatch = "version_mismatch",
        GuardFailed = "guard_failed",
        DispatchWarnings = "dispatch_warnings",
        RateLimited = "rate_limited",
        Unavailable = "unavailable",
        Busy = "busy",
        InternalError = "internal_error",
    }
);

closed_set!(
    /// What happened on a ticket's timeline.
    TicketEventKind, "stage_changed" {
        Created = "created",
        CustomerRegistered = "customer_registered",
        StageChanged = "stage_changed",
        FieldChanged = "field_changed",
        Dispatched = "dispatched",
        Reassigned = "reassigned",
        Rescheduled = "rescheduled",
        WarrantyReevaluated = "warranty_reevaluated",
        Reopened = "reopened",
        AttachmentAdded = "attachment_added",
        LabourAdded = "labour_added",
        LabourRemoved = "labour_removed",
        PartsReserved = "parts_reserved",
        PartsReleased = "parts_released",
        PartsIssued = "parts_issued",
        PartsUsed = "parts_used",
        PartsReturned = "parts_returned",
        DefectiveRecorded = "defective_recorded",
        CallbackAttempted = "callback_attempted",
        CallbackUnreachable = "callback_unreachable",
        CallbackRecorded = "callback_recorded",
        CallbackReopened = "callback_reopened",
        FlaggedContradiction = "flagged_contradiction",
        FlaggedRepeatRepair = "flagged_repeat_repair",
        ComplaintOpened = "complaint_opened",
        ComplaintResolved = "complaint_resolved",
        /// A platform's customer asked to return or exchange the unit (the ticket's start).
        ReturnRequested = "return_requested",
        /// The network decided the return or exchange.
        ReturnDecided = "return_decided",
    }
);

closed_set!(
    /// What happened to a sold unit in the registry.
    SerialEventKind, "registered" {
        Registered = "registered",
        SaleRecorded = "sale_recorded",
        Delivered = "delivered",
        Installed = "installed",
        CardRegistered = "card_registered",
        ManufactureRecorded = "manufacture_recorded",
        Imported = "imported",
        OwnerChanged = "owner_changed",
        ComponentSwapped = "component_swapped",
        ContractAdded = "contract_added",
        /// Returned by its buyer and kept by the network in a returns warehouse.
        Returned = "returned",
        /// Given to the buyer in exchange for another unit (`details.replaces`).
        ExchangeUnit = "exchange_unit",
        /// Replaced by a unit given in exchange (`details.replaced_by`).
        ExchangedFor = "exchanged_for",
    }
);

closed_set!(
    /// Why stock moved: the kind of a ledger row.
    MovementKind, "issue_to_ticket" {
        Receipt = "receipt",
        PurchaseReceipt = "purchase_receipt",
        IssueToTicket = "issue_to_ticket",
        ReturnUnused = "return_unused",
        DefectiveReturn = "defective_return",
        TransferOut = "transfer_out",
        TransferIn = "transfer_in",
        Sale = "sale",
        ReturnToVendor = "return_to_vendor",
        StocktakeAdjustment = "stocktake_adjustment",
        WriteOff = "write_off",
    }
);

closed_set!(
    /// Where an import job is: `running`, then `succeeded` or `failed` (a file with a
    /// bad row fails and stores nothing).
    ImportStatus, "succeeded" {
        Running = "running",
        Succeeded = "succeeded",
        Failed = "failed",
    }
);

closed_set!(
    /// Something about a chosen technician that needs a second look.
    DispatchWarningCode, "missing_skill" {
        OutsideBranch = "outside_branch",
        MissingSkill = "missing_skill",
        OverDailyLoad = "over_daily_load",
    }
);

closed_set!(
    /// The types an attachment may have.
    AttachmentMediaType, "image/jpeg" {
        Jpeg = "image/jpeg",
        Png = "image/png",
        Webp = "image/webp",
        Pdf = "application/pdf",
    }
);

closed_set!(
    /// How an access token is presented: `Authorization: Bearer <token>`.
    TokenType, "Bearer" { Bearer = "Bearer" }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_reads_back_as_itself_through_json() {
        for code in ProblemCode::ALL {
            let json = serde_json::to_string(code).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(ProblemCode::parse(code.as_str()), Some(*code));
        }
        assert_eq!(TicketEventKind::parse("stage_changed"), Some(TicketEventKind::StageChanged));
        assert_eq!(AttachmentMediaType::parse("application/pdf"), Some(AttachmentMediaType::Pdf));
        assert_eq!(MovementKind::parse("no_such_kind"), None);
    }

    /// The spec's enum is the wire text, not the Rust variant's name.
    #[cfg(feature = "openapi")]
    #[test]
    fn the_schema_lists_the_wire_values() {
        use utoipa::PartialSchema;
        let schema = serde_json::to_value(AttachmentMediaType::schema()).unwrap_or_default();
        let wire: Vec<&str> = AttachmentMediaType::ALL.iter().map(|m| m.as_str()).collect();
        assert_eq!(schema["enum"], serde_json::json!(wire));
        let schema = serde_json::to_value(ProblemCode::schema()).unwrap_or_default();
        assert_eq!(schema["enum"][0], "malformed_request");
    }
}
