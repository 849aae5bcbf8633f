//! Warranty wire types ↔ domain types.
use aftersales_api_types::FieldError;
use aftersales_api_types::warranty as wire;
use aftersales_domain::orders::ExchangeTerm;
use aftersales_domain::warranty::{self as domain, WarrantyPolicy};
use aftersales_persistence::warranty_policies::PolicyRecord;
use uuid::Uuid;

use crate::error::ApiError;

pub fn leg_in(leg: wire::Leg) -> domain::Leg {
    match leg {
        wire::Leg::Parts => domain::Leg::Parts,
        wire::Leg::Labour => domain::Leg::Labour,
        wire::Leg::Travel => domain::Leg::Travel,
    }
}

pub fn leg_out(leg: domain::Leg) -> wire::Leg {
    match leg {
        domain::Leg::Parts => wire::Leg::Parts,
        domain::Leg::Labour => wire::Leg::Labour,
        domain::Leg::Travel => wire::Leg::Travel,
    }
}

pub fn basis_in(b: wire::StartBasis) -> domain::StartBasis {
    match b {
        wire::StartBasis::Sale => domain::StartBasis::Sale,
        wire::StartBasis::Delivery => domain::StartBasis::Delivery,
        wire::StartBasis::Installation => domain::StartBasis::Installation,
        wire::StartBasis::Registration => domain::StartBasis::Registration,
        wire::StartBasis::Manufacture => domain::StartBasis::Manufacture,
    }
}

pub fn basis_out(b: domain::StartBasis) -> wire::StartBasis {
    match b {
        domain::StartBasis::Sale => wire::StartBasis::Sale,
        domain::StartBasis::Delivery => wire::StartBasis::Delivery,
        domain::StartBasis::Installation => wire::StartBasis::Installation,
        domain::StartBasis::Registration => wire::StartBasis::Registration,
        domain::StartBasis::Manufacture => wire::StartBasis::Manufacture,
    }
}

pub fn scope_in(s: wire::PolicyScope) -> domain::PolicyScope {
    match s.kind {
        wire::ScopeKind::Brand => domain::PolicyScope::Brand(s.id.into()),
        wire::ScopeKind::Category => domain::PolicyScope::Category(s.id.into()),
        wire::ScopeKind::Model => domain::PolicyScope::Model(s.id.into()),
    }
}

pub fn scope_out(s: domain::PolicyScope) -> wire::PolicyScope {
    let kind = match s {
        domain::PolicyScope::Brand(_) => wire::ScopeKind::Brand,
        domain::PolicyScope::Category(_) => wire::ScopeKind::Category,
        domain::PolicyScope::Model(_) => wire::ScopeKind::Model,
    };
    wire::PolicyScope { kind, id: s.id() }
}

fn is_key(s: &str) -> bool {
    (1..=32).contains(&s.len()) && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Checks what `validator` cannot (one term per leg, exclusion keys) and builds
/// the domain policy version.
pub fn terms_in(
    policy_id: Uuid,
    version: i32,
    name: &str,
    scope: domain::PolicyScope,
    t: &wire::PolicyTerms,
) -> Result<WarrantyPolicy, ApiError> {
    let mut errors = Vec::new();
    for (i, term) in t.legs.iter().enumerate() {
        if t.legs[..i].iter().any(|earlier| earlier.leg == term.leg) {
            errors.push(FieldError::new(format!("terms.legs[{i}].leg"), "duplicate", "each leg may have one term"));
        }
    }
    for (i, exclusion) in t.exclusions.iter().enumerate() {
        if !is_key(exclusion) {
            errors.push(FieldError::new(
                format!("terms.exclusions[{i}]"),
                "format",
                "1 to 32 lower-case letters, digits or '_', e.g. liquid_damage",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    Ok(WarrantyPolicy {
        id: policy_id.into(),
        version,
        name: name.to_owned(),
        scope,
        effective_from: t.effective_from,
        effective_to: None,
        start_basis: basis_in(t.start_basis),
        manufacture_grace_days: t.manufacture_grace_days,
        legs: t.legs.iter().map(|l| domain::LegTerm { leg: leg_in(l.leg), months: l.months }).collect(),
        component_overrides: t
            .component_overrides
            .iter()
            .map(|o| domain::ComponentOverride {
                component_code: o.component_code.clone(),
                leg: leg_in(o.leg),
                months: o.months,
            })
            .collect(),
        exclusions: t.exclusions.clone(),
        repair_warranty_days: t.repair_warranty_days,
        exchange_term: match t.exchange_term {
            wire::ExchangeTerm::CarryOver => ExchangeTerm::CarryOver,
            wire::ExchangeTerm::Fresh => ExchangeTerm::Fresh,
        },
    })
}

fn terms_out(p: &WarrantyPolicy) -> wire::PolicyTerms {
    wire::PolicyTerms {
        effective_from: p.effective_from,
        start_basis: basis_out(p.start_basis),
        manufacture_grace_days: p.manufacture_grace_days,
        legs: p.legs.iter().map(|l| wire::LegTerm { leg: leg_out(l.leg), months: l.months }).collect(),
        component_overrides: p
            .component_overrides
            .iter()
            .map(|o| wire::ComponentOverride {
                component_code: o.component_code.clone(),
                leg: leg_out(o.leg),
                months: o.months,
            })
            .collect(),
        exclusions: p.exclusions.clone(),
        repair_warranty_days: p.repair_warranty_days,
        exchange_term: match p.exchange_term {
            ExchangeTerm::CarryOver => wire::ExchangeTerm::CarryOver,
            ExchangeTerm::Fresh => wire::ExchangeTerm::Fresh,
        },
    }
}

pub fn policy_out(r: &PolicyRecord) -> wire::PolicyDto {
    wire::PolicyDto {
        id: r.id,
        name: r.name.clone(),
        scope: scope_out(r.scope),
        created_at: r.created_at,
        updated_at: r.updated_at,
        versions: r
            .versions
            .iter()
            .map(|v| wire::PolicyVersionDto { version: v.version, effective_to: v.effective_to, terms: terms_out(v) })
            .collect(),
    }
}
