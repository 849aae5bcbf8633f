//! Why a leg is or is not covered, as data. Clients word each reason in their
//! reader's language from these fields; `Display` gives the English sentence the
//! API has always returned.
use crate::ids::ContractId;
use std::fmt;

use chrono::NaiveDate;

use super::{ContractKind, Leg, StartBasis};

/// One reason of a leg's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A cover that applies to the leg, and what it says about the claim date.
    Cover { leg: Leg, term: Term, verdict: Verdict },
    /// The policy's exclusions void the leg's cover.
    Excluded { leg: Leg, conditions: Vec<String>, policy_name: String },
    /// The policy in force has no term for this leg.
    NotInPolicy { leg: Leg, policy_name: String, version: i32 },
    /// No policy, contract or earlier repair covers the leg at all.
    NothingCovers { leg: Leg },
}

/// What a cover is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A policy's term for the leg, or for one component (`component_code`).
    Policy {
        name: String,
        version: i32,
        component_code: Option<String>,
        months: u32,
        basis: StartBasis,
        start: NaiveDate,
    },
    Contract {
        contract_id: ContractId,
        kind: ContractKind,
        starts_on: NaiveDate,
    },
    /// A component replaced earlier, guaranteed on its own.
    RepairWarranty {
        component_code: String,
        replaced_on: NaiveDate,
        reference: String,
        days: u32,
    },
}

/// A cover's verdict on the claim date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// In force; the last covered day.
    CoveredUntil(NaiveDate),
    /// Starts after the claim date (the claim date).
    NotYetInForce(NaiveDate),
    /// Lapsed; its last covered day.
    ExpiredOn(NaiveDate),
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::Policy { name, version, component_code, months, basis, start } => {
                match component_code {
                    Some(code) => write!(f, "the {code} term of policy '{name}' v{version}")?,
                    None => write!(f, "policy '{name}' v{version}")?,
                }
                write!(f, ": {months} months from the {} date {start}", basis.as_str())
            }
            Term::Contract { contract_id, starts_on, .. } => write!(f, "contract {contract_id} from {starts_on}"),
            Term::RepairWarranty { component_code, replaced_on, reference, days } => {
                write!(f, "the {component_code} replaced on {replaced_on} ({reference}), guaranteed for {days} days")
            }
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::CoveredUntil(day) => write!(f, "covered until {day}"),
            Verdict::NotYetInForce(day) => write!(f, "not yet in force on {day}"),
            Verdict::ExpiredOn(day) => write!(f, "expired on {day}"),
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Cover { leg, term, verdict } => write!(f, "{}: {term} — {verdict}", leg.as_str()),
            Reason::Excluded { leg, conditions, policy_name } => write!(
                f,
                "{}: not covered — {} is excluded by policy '{policy_name}'",
                leg.as_str(),
                conditions.join(", ")
            ),
            Reason::NotInPolicy { leg, policy_name, version } => {
                write!(f, "policy '{policy_name}' v{version} does not cover {}", leg.as_str())
            }
            Reason::NothingCovers { leg } => write!(f, "{}: nothing covers this leg", leg.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn a_component_term_reads_as_the_api_has_always_worded_it() {
        let reason = Reason::Cover {
            leg: Leg::Parts,
            term: Term::Policy {
                name: "Standard".into(),
                version: 2,
                component_code: Some("compressor".into()),
                months: 60,
                basis: StartBasis::Installation,
                start: day("2026-01-15"),
            },
            verdict: Verdict::CoveredUntil(day("2031-01-14")),
        };
        assert_eq!(
            reason.to_string(),
            "parts: the compressor term of policy 'Standard' v2: 60 months from the installation date 2026-01-15 — covered until 2031-01-14"
        );
    }

    #[test]
    fn exclusions_and_gaps_name_the_leg() {
        let excluded = Reason::Excluded {
            leg: Leg::Labour,
            conditions: vec!["liquid_damage".into(), "tampered".into()],
            policy_name: "Standard".into(),
        };
        assert_eq!(
            excluded.to_string(),
            "labour: not covered — liquid_damage, tampered is excluded by policy 'Standard'"
        );
        assert_eq!(Reason::NothingCovers { leg: Leg::Travel }.to_string(), "travel: nothing covers this leg");
    }
}
