//! The warranty engine's reasons in the reader's language, worded from the data
//! the server sends with each (`explained`). A decision stored before the server
//! sent that data shows the server's English sentences instead.

use aftersales_api_types::entitlement::{ContractKind, CoverSourceKind, LegDecision, Reason, ReasonCode};
use aftersales_api_types::warranty::StartBasis;
use chrono::NaiveDate;

use crate::i18n::I18n;

pub fn basis_key(basis: StartBasis) -> &'static str {
    match basis {
        StartBasis::Sale => "serials.basis.sale",
        StartBasis::Delivery => "serials.basis.delivery",
        StartBasis::Installation => "serials.basis.installation",
        StartBasis::Registration => "serials.basis.registration",
        StartBasis::Manufacture => "serials.basis.manufacture",
    }
}

pub fn contract_kind_key(kind: ContractKind) -> &'static str {
    match kind {
        ContractKind::ExtendedWarranty => "serials.contract.extended_warranty",
        ContractKind::ServiceContract => "serials.contract.service_contract",
    }
}

/// The leg's reasons as the reader should see them.
pub fn leg_reasons(i18n: &I18n, leg: &LegDecision) -> Vec<String> {
    if leg.explained.is_empty() {
        return leg.reasons.clone();
    }
    leg.explained.iter().map(|r| reason_text(i18n, r)).collect()
}

/// One reason as a sentence of the reader's language.
pub fn reason_text(i18n: &I18n, r: &Reason) -> String {
    let day = |d: Option<NaiveDate>| d.map(|d| i18n.date(d)).unwrap_or_default();
    let policy = r.policy_name.clone().unwrap_or_default();
    let version = r.policy_version.map(|v| i18n.number(i64::from(v))).unwrap_or_default();
    match r.code {
        ReasonCode::Covered => {
            i18n.format("serials.reason.covered", &[("cover", &cover_text(i18n, r)), ("until", &day(r.until))])
        }
        ReasonCode::NotYetInForce => {
            i18n.format("serials.reason.not_yet", &[("cover", &cover_text(i18n, r)), ("on", &day(r.on))])
        }
        ReasonCode::Expired => {
            i18n.format("serials.reason.expired", &[("cover", &cover_text(i18n, r)), ("until", &day(r.until))])
        }
        ReasonCode::Excluded => {
            i18n.format("serials.reason.excluded", &[("conditions", &i18n.list(&r.conditions)), ("policy", &policy)])
        }
        ReasonCode::NotInPolicy => {
            i18n.format("serials.reason.not_in_policy", &[("policy", &policy), ("version", &version)])
        }
        ReasonCode::NothingCovers => i18n.text("serials.reason.nothing").to_owned(),
    }
}

/// What a cover is: a policy's or a component's term, a contract, or a replaced
/// part's own guarantee.
fn cover_text(i18n: &I18n, r: &Reason) -> String {
    let from = r.from.map(|d| i18n.date(d)).unwrap_or_default();
    let policy = r.policy_name.clone().unwrap_or_default();
    let version = r.policy_version.map(|v| i18n.number(i64::from(v))).unwrap_or_default();
    let months = r.months.map(|m| i18n.number(i64::from(m))).unwrap_or_default();
    let basis = r.basis.map(|b| i18n.text(basis_key(b))).unwrap_or_default();
    let component = r.component_code.clone().unwrap_or_default();
    match r.cover {
        Some(CoverSourceKind::Policy) | None => i18n.format(
            "serials.cover.policy",
            &[("policy", &policy), ("version", &version), ("months", &months), ("basis", basis), ("from", &from)],
        ),
        Some(CoverSourceKind::ComponentOverride) => i18n.format(
            "serials.cover.component",
            &[
                ("component", &component),
                ("policy", &policy),
                ("version", &version),
                ("months", &months),
                ("basis", basis),
                ("from", &from),
            ],
        ),
        Some(CoverSourceKind::Contract) => {
            let kind = r.contract_kind.map(|k| i18n.text(contract_kind_key(k))).unwrap_or_default();
            i18n.format("serials.cover.contract", &[("kind", kind), ("from", &from)])
        }
        Some(CoverSourceKind::RepairWarranty) => {
            let days = r.days.map(|d| i18n.number(i64::from(d))).unwrap_or_default();
            let reference = r.reference.clone().unwrap_or_default();
            i18n.format(
                "serials.cover.repair",
                &[("component", &component), ("from", &from), ("reference", &reference), ("days", &days)],
            )
        }
    }
}
