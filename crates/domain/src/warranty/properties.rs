//! Invariants of the entitlement engine, whatever the dates and terms.
use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use uuid::Uuid;

use super::*;

const BRAND: BrandId = BrandId::from_uuid(Uuid::from_u128(1));

fn base_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default()
}

fn day(offset: u32) -> NaiveDate {
    base_day().checked_add_days(Days::new(u64::from(offset))).unwrap_or_default()
}

fn policy(parts: u32, labour: u32, travel: u32) -> WarrantyPolicy {
    WarrantyPolicy {
        id: Uuid::from_u128(10).into(),
        version: 1,
        name: "p".into(),
        scope: PolicyScope::Brand(BRAND),
        effective_from: base_day(),
        effective_to: None,
        start_basis: StartBasis::Sale,
        manufacture_grace_days: 60,
        legs: vec![
            LegTerm { leg: Leg::Parts, months: parts },
            LegTerm { leg: Leg::Labour, months: labour },
            LegTerm { leg: Leg::Travel, months: travel },
        ],
        component_overrides: vec![],
        exclusions: vec!["liquid_damage".into()],
        repair_warranty_days: 90,
        exchange_term: crate::orders::ExchangeTerm::CarryOver,
    }
}

fn input(
    sale: u32,
    claim: u32,
    months: (u32, u32, u32),
    contracts: Vec<Contract>,
    conditions: Vec<String>,
) -> EntitlementInput {
    EntitlementInput {
        unit: UnitFacts {
            brand_id: BRAND,
            sale_date: Some(day(sale)),
            ..UnitFacts::undated(BRAND, Uuid::from_u128(2).into(), Uuid::from_u128(3).into())
        },
        policies: vec![policy(months.0, months.1, months.2)],
        contracts,
        prior_repairs: vec![],
        claim: Claim { date: day(claim), component_code: None, conditions },
    }
}

fn covered(d: &Decision) -> Vec<bool> {
    Leg::ALL.iter().map(|l| d.leg(*l).is_some_and(|x| x.covered)).collect()
}

fn contract(from: u32, len: u32, legs: Vec<Leg>) -> Contract {
    Contract {
        id: Uuid::from_u128(99).into(),
        kind: ContractKind::ServiceContract,
        legs,
        starts_on: day(from),
        ends_on: day(from + len),
        component_codes: vec![],
    }
}

fn legs() -> impl Strategy<Value = Vec<Leg>> {
    proptest::sample::subsequence(Leg::ALL.to_vec(), 0..=3)
}

proptest! {
    /// A leg is covered exactly when the claim falls between the start and the
    /// last covered day, which is never before the start for a positive term.
    #[test]
    fn coverage_is_the_span_from_start_to_expiry(sale in 0u32..3000, claim in 0u32..6000, m in 1u32..120) {
        let d = evaluate_entitlement(&input(sale, claim, (m, m, m), vec![], vec![]));
        let parts = d.leg(Leg::Parts).cloned();
        let until = parts.as_ref().and_then(|p| p.expires_on).unwrap_or(NaiveDate::MIN);
        prop_assert!(until >= day(sale));
        prop_assert_eq!(parts.map(|p| p.covered), Some(day(sale) <= day(claim) && day(claim) <= until));
    }

    /// Buying a contract never takes cover away.
    #[test]
    fn a_contract_never_removes_cover(sale in 0u32..2000, claim in 0u32..4000, from in 0u32..4000, len in 0u32..2000,
                                      legs in legs(), m in (0u32..60, 0u32..60, 0u32..60)) {
        let without = evaluate_entitlement(&input(sale, claim, m, vec![], vec![]));
        let with = evaluate_entitlement(&input(sale, claim, m, vec![contract(from, len, legs)], vec![]));
        for (a, b) in covered(&without).into_iter().zip(covered(&with)) {
            prop_assert!(!a || b);
        }
    }

    /// An excluded condition found on inspection never adds cover, and voids it all.
    #[test]
    fn an_exclusion_voids_every_leg(sale in 0u32..2000, claim in 0u32..4000, m in (0u32..60, 0u32..60, 0u32..60)) {
        let d = evaluate_entitlement(&input(sale, claim, m, vec![], vec!["liquid_damage".into()]));
        prop_assert_eq!(covered(&d), vec![false, false, false]);
    }

    /// A longer term covers at least every claim a shorter one covers.
    #[test]
    fn a_longer_term_covers_at_least_as_much(sale in 0u32..2000, claim in 0u32..4000, m in 0u32..60, extra in 0u32..60) {
        let short = evaluate_entitlement(&input(sale, claim, (m, m, m), vec![], vec![]));
        let long = evaluate_entitlement(&input(sale, claim, (m + extra, m + extra, m + extra), vec![], vec![]));
        for (a, b) in covered(&short).into_iter().zip(covered(&long)) {
            prop_assert!(!a || b);
        }
    }

    /// If a claim on some day is covered, so is a claim on any earlier day since the start.
    #[test]
    fn cover_has_no_holes(sale in 0u32..2000, claim in 0u32..4000, back in 0u32..4000, m in 1u32..60) {
        let later = evaluate_entitlement(&input(sale, claim, (m, m, m), vec![], vec![]));
        let earlier_day = claim.saturating_sub(back).max(sale);
        let earlier = evaluate_entitlement(&input(sale, earlier_day, (m, m, m), vec![], vec![]));
        for (a, b) in covered(&later).into_iter().zip(covered(&earlier)) {
            prop_assert!(!a || b);
        }
    }

    /// Month arithmetic: the day of the month never grows, the month moves by exactly n.
    #[test]
    fn adding_months_moves_the_month_and_clamps_the_day(offset in 0u32..20000, n in 0u32..240) {
        use chrono::Datelike;
        let start = day(offset);
        let end = add_months(start, n);
        let months = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
        prop_assert_eq!(months(end) - months(start), n as i32);
        prop_assert!(end.day() <= start.day());
    }
}
