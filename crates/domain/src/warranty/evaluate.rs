//! The entitlement decision, leg by leg, with its reasons.
use chrono::NaiveDate;

use super::calendar::{add_days, last_covered_day};
use super::reasons::{Reason, Term, Verdict};
use super::selection::{reference_date, select_policy};
use super::{
    Claim, CoverSource, Decision, EntitlementInput, Leg, LegDecision, StartBasis, UnitFacts, Warning, WarningCode,
    WarrantyPolicy,
};

/// One way a leg could be covered, with the span it covers.
struct Cover {
    source: CoverSource,
    rule_id: String,
    from: NaiveDate,
    until: NaiveDate,
    term: Term,
}

impl Cover {
    fn covers(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.until
    }
}

pub fn evaluate_entitlement(input: &EntitlementInput) -> Decision {
    let claim = &input.claim;
    let mut warnings = consistency_warnings(&input.unit);
    let reference = reference_date(&input.unit, claim.date);
    let policy = select_policy(&input.policies, &input.unit, reference);
    if policy.is_none() {
        warnings.push(Warning {
            code: WarningCode::NoPolicy,
            message: format!("no warranty policy of this brand, category or model is in force on {reference}"),
        });
    }
    let start = policy.and_then(|p| start_of(p, &input.unit, &mut warnings));
    if let Some((_, day)) = start
        && claim.date < day
    {
        warnings.push(Warning {
            code: WarningCode::ClaimBeforeStart,
            message: format!("the claim date {} is before the warranty started on {day}", claim.date),
        });
    }
    let excluded_by: Vec<String> = match policy {
        Some(p) => claim.conditions.iter().filter(|c| p.exclusions.contains(c)).cloned().collect(),
        None => Vec::new(),
    };
    let legs = Leg::ALL
        .into_iter()
        .map(|leg| {
            let mut covers = Vec::new();
            let mut notes = Vec::new();
            if let (Some(p), Some((basis, day))) = (policy, start) {
                policy_cover(p, leg, basis, day, claim, &mut covers, &mut notes);
            }
            contract_covers(input, leg, &mut covers);
            repair_covers(input, leg, &mut covers);
            decide(leg, covers, notes, &excluded_by, policy, claim.date)
        })
        .collect();
    Decision { legs, policy: policy.map(|p| (p.id, p.version)), start, excluded_by, warnings }
}

fn consistency_warnings(unit: &UnitFacts) -> Vec<Warning> {
    let pairs = [
        (unit.manufacture_date, unit.sale_date, "sold before it was made"),
        (unit.sale_date, unit.delivery_date, "delivered before it was sold"),
        (unit.delivery_date, unit.installation_date, "installed before it was delivered"),
    ];
    pairs
        .into_iter()
        .filter_map(|(earlier, later, what)| match (earlier, later) {
            (Some(a), Some(b)) if b < a => Some(Warning {
                code: WarningCode::InconsistentDates,
                message: format!("the unit was {what} ({b} < {a})"),
            }),
            _ => None,
        })
        .collect()
}

/// The day the warranty starts: the policy's basis, or the next fact down the
/// chain with a warning saying which one was used.
fn start_of(policy: &WarrantyPolicy, unit: &UnitFacts, warnings: &mut Vec<Warning>) -> Option<(StartBasis, NaiveDate)> {
    use StartBasis::*;
    let chain: &[StartBasis] = match policy.start_basis {
        Sale => &[Sale, Manufacture],
        Delivery => &[Delivery, Sale, Manufacture],
        Installation => &[Installation, Delivery, Sale, Manufacture],
        Registration => &[Registration, Sale, Manufacture],
        Manufacture => &[Manufacture],
    };
    let date_of = |basis: StartBasis| match basis {
        Sale => unit.sale_date,
        Delivery => unit.delivery_date,
        Installation => unit.installation_date,
        Registration => unit.registration_date,
        Manufacture => unit.manufacture_date.map(|d| add_days(d, policy.manufacture_grace_days)),
    };
    let found = chain.iter().find_map(|b| date_of(*b).map(|d| (*b, d)));
    match found {
        Some((basis, day)) if basis != policy.start_basis => {
            let used = match basis {
                Manufacture => format!("manufacture date + {} days", policy.manufacture_grace_days),
                other => format!("{} date", other.as_str()),
            };
            warnings.push(Warning {
                code: WarningCode::BasisDateMissing,
                message: format!("{} date missing, {used} used ({day})", policy.start_basis.as_str()),
            });
        }
        Some(_) => {}
        None => warnings.push(Warning {
            code: WarningCode::NoStartDate,
            message: "no sale, delivery, installation, registration or manufacture date to count the warranty from"
                .into(),
        }),
    }
    found
}

fn policy_cover(
    p: &WarrantyPolicy,
    leg: Leg,
    basis: StartBasis,
    start: NaiveDate,
    claim: &Claim,
    covers: &mut Vec<Cover>,
    notes: &mut Vec<Reason>,
) {
    let component_override = claim
        .component_code
        .as_ref()
        .and_then(|c| p.component_overrides.iter().find(|o| &o.component_code == c && o.leg == leg));
    let (months, source, rule_id, component_code) = match (component_override, p.legs.iter().find(|t| t.leg == leg)) {
        (Some(o), _) => (
            o.months,
            CoverSource::ComponentOverride {
                policy_id: p.id,
                version: p.version,
                component_code: o.component_code.clone(),
            },
            format!("policy:{}@v{}/{}/{}", p.id, p.version, o.component_code, leg.as_str()),
            Some(o.component_code.clone()),
        ),
        (None, Some(term)) => (
            term.months,
            CoverSource::Policy { policy_id: p.id, version: p.version },
            format!("policy:{}@v{}/{}", p.id, p.version, leg.as_str()),
            None,
        ),
        (None, None) => {
            notes.push(Reason::NotInPolicy { leg, policy_name: p.name.clone(), version: p.version });
            return;
        }
    };
    let until = last_covered_day(start, months);
    let term = Term::Policy { name: p.name.clone(), version: p.version, component_code, months, basis, start };
    covers.push(Cover { source, rule_id, from: start, until, term });
}

fn contract_covers(input: &EntitlementInput, leg: Leg, covers: &mut Vec<Cover>) {
    let component = input.claim.component_code.as_ref();
    for c in &input.contracts {
        let for_component =
            c.component_codes.is_empty() || component.is_some_and(|code| c.component_codes.contains(code));
        if c.legs.contains(&leg) && for_component {
            covers.push(Cover {
                source: CoverSource::Contract { contract_id: c.id, kind: c.kind },
                rule_id: format!("contract:{}/{}", c.id, leg.as_str()),
                from: c.starts_on,
                until: c.ends_on,
                term: Term::Contract { contract_id: c.id, kind: c.kind, starts_on: c.starts_on },
            });
        }
    }
}

/// A part replaced earlier is guaranteed on its own for parts and labour.
fn repair_covers(input: &EntitlementInput, leg: Leg, covers: &mut Vec<Cover>) {
    let Some(component) = input.claim.component_code.as_ref() else { return };
    if leg == Leg::Travel {
        return;
    }
    for r in input.prior_repairs.iter().filter(|r| &r.component_code == component) {
        covers.push(Cover {
            source: CoverSource::RepairWarranty {
                reference: r.reference.clone(),
                component_code: r.component_code.clone(),
            },
            rule_id: format!("repair:{}/{}/{}", r.reference, r.component_code, leg.as_str()),
            from: r.replaced_on,
            until: add_days(r.replaced_on, r.warranty_days),
            term: Term::RepairWarranty {
                component_code: r.component_code.clone(),
                replaced_on: r.replaced_on,
                reference: r.reference.clone(),
                days: r.warranty_days,
            },
        });
    }
}

fn decide(
    leg: Leg,
    covers: Vec<Cover>,
    mut reasons: Vec<Reason>,
    excluded_by: &[String],
    policy: Option<&WarrantyPolicy>,
    day: NaiveDate,
) -> LegDecision {
    let mut rule_ids: Vec<String> = covers.iter().map(|c| c.rule_id.clone()).collect();
    for c in &covers {
        let verdict = if c.covers(day) {
            Verdict::CoveredUntil(c.until)
        } else if day < c.from {
            Verdict::NotYetInForce(day)
        } else {
            Verdict::ExpiredOn(c.until)
        };
        reasons.push(Reason::Cover { leg, term: c.term.clone(), verdict });
    }
    if let (false, Some(p)) = (excluded_by.is_empty(), policy) {
        for condition in excluded_by {
            rule_ids.push(format!("policy:{}@v{}/exclusion/{condition}", p.id, p.version));
        }
        reasons.push(Reason::Excluded { leg, conditions: excluded_by.to_vec(), policy_name: p.name.clone() });
    }
    if covers.is_empty() {
        reasons.push(Reason::NothingCovers { leg });
    }
    // The cover that decides: the longest one in force, else the one that lapsed last.
    let in_force = covers.iter().filter(|c| c.covers(day)).max_by_key(|c| c.until);
    let chosen = in_force.or_else(|| covers.iter().max_by_key(|c| c.until));
    let covered = in_force.is_some() && excluded_by.is_empty();
    LegDecision {
        leg,
        covered,
        expires_on: chosen.map(|c| c.until),
        source: chosen.map(|c| c.source.clone()),
        rule_ids,
        reasons,
    }
}
