//! How fast is one entitlement decision? Run with `scripts/bench/entitlement.sh`.
//!
//! `ceiling` is the floor cost of the arithmetic every decision does at least once
//! (one calendar-correct term); `decision` is a realistic decision: three policy
//! versions at brand, category and model level, a contract and a prior repair.
use std::hint::black_box;

use aftersales_domain::ids::{BrandId, CategoryId, ModelId};
use aftersales_domain::warranty::*;
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use uuid::Uuid;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

fn policy(id: u128, scope: PolicyScope, basis: StartBasis) -> WarrantyPolicy {
    WarrantyPolicy {
        id: Uuid::from_u128(id).into(),
        version: 1,
        name: "Standard".into(),
        scope,
        effective_from: d(2024, 1, 1),
        effective_to: None,
        start_basis: basis,
        manufacture_grace_days: 90,
        legs: vec![
            LegTerm { leg: Leg::Parts, months: 24 },
            LegTerm { leg: Leg::Labour, months: 12 },
            LegTerm { leg: Leg::Travel, months: 6 },
        ],
        component_overrides: vec![ComponentOverride {
            component_code: "compressor".into(),
            leg: Leg::Parts,
            months: 60,
        }],
        exclusions: vec!["liquid_damage".into(), "physical_damage".into()],
        repair_warranty_days: 90,
        exchange_term: aftersales_domain::orders::ExchangeTerm::CarryOver,
    }
}

fn input() -> EntitlementInput {
    let (brand, category, model) =
        (BrandId::from(Uuid::from_u128(1)), CategoryId::from(Uuid::from_u128(2)), ModelId::from(Uuid::from_u128(3)));
    EntitlementInput {
        unit: UnitFacts {
            brand_id: brand,
            category_id: category,
            model_id: model,
            manufacture_date: Some(d(2025, 10, 1)),
            sale_date: Some(d(2026, 1, 10)),
            delivery_date: Some(d(2026, 1, 12)),
            installation_date: Some(d(2026, 1, 15)),
            registration_date: None,
        },
        policies: vec![
            policy(10, PolicyScope::Brand(brand), StartBasis::Sale),
            policy(11, PolicyScope::Category(category), StartBasis::Delivery),
            policy(12, PolicyScope::Model(model), StartBasis::Installation),
        ],
        contracts: vec![Contract {
            id: Uuid::from_u128(20).into(),
            kind: ContractKind::ExtendedWarranty,
            legs: vec![Leg::Parts, Leg::Labour],
            starts_on: d(2028, 1, 15),
            ends_on: d(2029, 1, 14),
            component_codes: vec![],
        }],
        prior_repairs: vec![PriorRepair {
            reference: "RO-HN01-2027-000042".into(),
            component_code: "compressor".into(),
            replaced_on: d(2027, 3, 1),
            warranty_days: 90,
        }],
        claim: Claim { date: d(2027, 4, 1), component_code: Some("compressor".into()), conditions: vec![] },
    }
}

fn benches(c: &mut Criterion) {
    let input = input();
    c.bench_function("ceiling: one calendar-correct term", |b| {
        b.iter(|| last_covered_day(black_box(d(2026, 1, 31)), black_box(24)))
    });
    c.bench_function("decision: 3 policies, 1 contract, 1 prior repair", |b| {
        b.iter(|| evaluate_entitlement(black_box(&input)))
    });
}

criterion_group!(entitlement, benches);
criterion_main!(entitlement);
