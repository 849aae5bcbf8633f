//! The entitlement request and decision: wire types ↔ domain types.
use aftersales_api_types::entitlement as wire;
use aftersales_domain::warranty::{self as domain, CoverSource, WarrantyPolicy};
use uuid::Uuid;

use crate::serial_dto::{contract_kind_in, contract_kind_out};
use crate::warranty_dto::{basis_out, leg_in, leg_out};

/// The brand and category of the unit's model, looked up in the catalogue.
pub struct ModelPlacement {
    pub brand_id: Uuid,
    pub category_id: Uuid,
    pub model_id: Uuid,
}

/// The facts of a unit given in the request.
pub fn unit_in(u: &wire::UnitFacts, placement: ModelPlacement) -> domain::UnitFacts {
    domain::UnitFacts {
        brand_id: placement.brand_id.into(),
        category_id: placement.category_id.into(),
        model_id: placement.model_id.into(),
        manufacture_date: u.manufacture_date,
        sale_date: u.sale_date,
        delivery_date: u.delivery_date,
        installation_date: u.installation_date,
        registration_date: u.registration_date,
    }
}

/// What the serial registry knows of a unit beyond its facts.
#[derive(Default)]
pub struct Registered {
    pub contracts: Vec<domain::Contract>,
    pub prior_repairs: Vec<domain::PriorRepair>,
}

pub fn input_in(
    req: &wire::EvaluateRequest,
    unit: domain::UnitFacts,
    policies: Vec<WarrantyPolicy>,
    registered: Registered,
) -> domain::EntitlementInput {
    domain::EntitlementInput {
        unit,
        policies,
        contracts: req
            .contracts
            .iter()
            .enumerate()
            .map(|(i, c)| domain::Contract {
                // A dry run's contracts exist only in the request: number them.
                id: (Uuid::from_u128(i as u128 + 1)).into(),
                kind: contract_kind_in(c.kind),
                legs: c.legs.iter().copied().map(leg_in).collect(),
                starts_on: c.starts_on,
                ends_on: c.ends_on,
                component_codes: c.component_codes.clone(),
            })
            .chain(registered.contracts)
            .collect(),
        prior_repairs: req
            .prior_repairs
            .iter()
            .map(|r| domain::PriorRepair {
                reference: r.reference.clone(),
                component_code: r.component_code.clone(),
                replaced_on: r.replaced_on,
                warranty_days: r.warranty_days,
            })
            .chain(registered.prior_repairs)
            .collect(),
        claim: domain::Claim {
            date: req.claim.date,
            component_code: req.claim.component_code.clone(),
            conditions: req.claim.conditions.clone(),
        },
    }
}

fn source_out(s: &CoverSource) -> wire::CoverSource {
    let empty = wire::CoverSource {
        kind: wire::CoverSourceKind::Policy,
        policy_id: None,
        policy_version: None,
        component_code: None,
        contract_id: None,
        reference: None,
    };
    match s {
        CoverSource::Policy { policy_id, version } => {
            wire::CoverSource { policy_id: Some(policy_id.uuid()), policy_version: Some(*version), ..empty }
        }
        CoverSource::ComponentOverride { policy_id, version, component_code } => wire::CoverSource {
            kind: wire::CoverSourceKind::ComponentOverride,
            policy_id: Some(policy_id.uuid()),
            policy_version: Some(*version),
            component_code: Some(component_code.clone()),
            ..empty
        },
        CoverSource::Contract { contract_id, .. } => {
            wire::CoverSource { kind: wire::CoverSourceKind::Contract, contract_id: Some(contract_id.uuid()), ..empty }
        }
        CoverSource::RepairWarranty { reference, component_code } => wire::CoverSource {
            kind: wire::CoverSourceKind::RepairWarranty,
            reference: Some(reference.clone()),
            component_code: Some(component_code.clone()),
            ..empty
        },
    }
}

/// A reason as data: the code says which sentence, the fields fill it in.
fn reason_out(r: &domain::Reason) -> wire::Reason {
    use domain::{Reason, Term, Verdict};
    use wire::ReasonCode;
    match r {
        Reason::Cover { leg, term, verdict } => {
            let code = match verdict {
                Verdict::CoveredUntil(_) => ReasonCode::Covered,
                Verdict::NotYetInForce(_) => ReasonCode::NotYetInForce,
                Verdict::ExpiredOn(_) => ReasonCode::Expired,
            };
            let mut out = wire::Reason::new(code, leg_out(*leg));
            match verdict {
                Verdict::CoveredUntil(day) | Verdict::ExpiredOn(day) => out.until = Some(*day),
                Verdict::NotYetInForce(day) => out.on = Some(*day),
            }
            match term {
                Term::Policy { name, version, component_code, months, basis, start } => {
                    out.cover = Some(match component_code {
                        Some(_) => wire::CoverSourceKind::ComponentOverride,
                        None => wire::CoverSourceKind::Policy,
                    });
                    out.policy_name = Some(name.clone());
                    out.policy_version = Some(*version);
                    out.component_code.clone_from(component_code);
                    out.months = Some(*months);
                    out.basis = Some(basis_out(*basis));
                    out.from = Some(*start);
                }
                Term::Contract { contract_id, kind, starts_on } => {
                    out.cover = Some(wire::CoverSourceKind::Contract);
                    out.contract_id = Some(contract_id.uuid());
                    out.contract_kind = Some(contract_kind_out(*kind));
                    out.from = Some(*starts_on);
                }
                Term::RepairWarranty { component_code, replaced_on, reference, days } => {
                    out.cover = Some(wire::CoverSourceKind::RepairWarranty);
                    out.component_code = Some(component_code.clone());
                    out.from = Some(*replaced_on);
                    out.reference = Some(reference.clone());
                    out.days = Some(*days);
                }
            }
            out
        }
        Reason::Excluded { leg, conditions, policy_name } => wire::Reason {
            conditions: conditions.clone(),
            policy_name: Some(policy_name.clone()),
            ..wire::Reason::new(ReasonCode::Excluded, leg_out(*leg))
        },
        Reason::NotInPolicy { leg, policy_name, version } => wire::Reason {
            policy_name: Some(policy_name.clone()),
            policy_version: Some(*version),
            ..wire::Reason::new(ReasonCode::NotInPolicy, leg_out(*leg))
        },
        Reason::NothingCovers { leg } => wire::Reason::new(ReasonCode::NothingCovers, leg_out(*leg)),
    }
}

fn warning_out(w: &domain::Warning) -> wire::DecisionWarning {
    let code = match w.code {
        domain::WarningCode::BasisDateMissing => wire::WarningCode::BasisDateMissing,
        domain::WarningCode::NoStartDate => wire::WarningCode::NoStartDate,
        domain::WarningCode::NoPolicy => wire::WarningCode::NoPolicy,
        domain::WarningCode::ClaimBeforeStart => wire::WarningCode::ClaimBeforeStart,
        domain::WarningCode::InconsistentDates => wire::WarningCode::InconsistentDates,
    };
    wire::DecisionWarning { code, message: w.message.clone() }
}

pub fn decision_out(d: &domain::Decision, policies: &[WarrantyPolicy]) -> wire::Decision {
    let policy = d.policy.map(|(id, version)| wire::AppliedPolicy {
        id: id.uuid(),
        version,
        name: policies.iter().find(|p| p.id == id).map(|p| p.name.clone()).unwrap_or_default(),
    });
    wire::Decision {
        fully_covered: d.fully_covered(),
        legs: d
            .legs
            .iter()
            .map(|l| wire::LegDecision {
                leg: leg_out(l.leg),
                covered: l.covered,
                expires_on: l.expires_on,
                source: l.source.as_ref().map(source_out),
                rule_ids: l.rule_ids.clone(),
                reasons: l.reasons.iter().map(ToString::to_string).collect(),
                explained: l.reasons.iter().map(reason_out).collect(),
            })
            .collect(),
        policy,
        start: d.start.map(|(basis, date)| wire::WarrantyStart { basis: basis_out(basis), date }),
        excluded_by: d.excluded_by.clone(),
        warnings: d.warnings.iter().map(warning_out).collect(),
    }
}
