//! Which policy applies to a unit.
use chrono::NaiveDate;

use super::{PolicyScope, UnitFacts, WarrantyPolicy};

/// How specific a scope is for this unit; `None` when it does not match.
fn specificity(scope: PolicyScope, unit: &UnitFacts) -> Option<u8> {
    match scope {
        PolicyScope::Model(id) if id == unit.model_id => Some(3),
        PolicyScope::Category(id) if id == unit.category_id => Some(2),
        PolicyScope::Brand(id) if id == unit.brand_id => Some(1),
        _ => None,
    }
}

fn in_force(policy: &WarrantyPolicy, on: NaiveDate) -> bool {
    policy.effective_from <= on && policy.effective_to.is_none_or(|to| on < to)
}

/// The date that decides which policy version a unit falls under: when it was sold
/// (or, lacking that, the earliest later fact), else `fallback`.
pub fn reference_date(unit: &UnitFacts, fallback: NaiveDate) -> NaiveDate {
    [unit.sale_date, unit.delivery_date, unit.installation_date, unit.registration_date, unit.manufacture_date]
        .into_iter()
        .flatten()
        .next()
        .unwrap_or(fallback)
}

/// The most specific policy (model over category over brand) in force on
/// `reference`; among equals the one that took effect last, then the highest version.
pub fn select_policy<'a>(
    policies: &'a [WarrantyPolicy],
    unit: &UnitFacts,
    reference: NaiveDate,
) -> Option<&'a WarrantyPolicy> {
    policies
        .iter()
        .filter(|p| in_force(p, reference))
        .filter_map(|p| specificity(p.scope, unit).map(|s| (s, p)))
        .max_by_key(|(s, p)| (*s, p.effective_from, p.version))
        .map(|(_, p)| p)
}
