//! Worked cases: one standard brand policy and its variants, decided by hand.
//!
//! Brand policy "Standard" (v2, from 2026-01-01): counts from the sale date,
//! parts 24 months, labour 12, travel 6; the compressor's parts 60 months;
//! liquid and physical damage excluded; replaced parts guaranteed 90 days.
use chrono::NaiveDate;
use uuid::Uuid;

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

const BRAND: BrandId = BrandId::from_uuid(Uuid::from_u128(1));
const CATEGORY: CategoryId = CategoryId::from_uuid(Uuid::from_u128(2));
const MODEL: ModelId = ModelId::from_uuid(Uuid::from_u128(3));

fn standard(version: i32, from: &str, to: Option<&str>, parts_months: u32) -> WarrantyPolicy {
    WarrantyPolicy {
        id: Uuid::from_u128(100).into(),
        version,
        name: "Standard".into(),
        scope: PolicyScope::Brand(BRAND),
        effective_from: d(from),
        effective_to: to.map(d),
        start_basis: StartBasis::Sale,
        manufacture_grace_days: 90,
        legs: vec![
            LegTerm { leg: Leg::Parts, months: parts_months },
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
        exchange_term: crate::orders::ExchangeTerm::CarryOver,
    }
}

fn policies() -> Vec<WarrantyPolicy> {
    vec![standard(1, "2024-01-01", Some("2026-01-01"), 12), standard(2, "2026-01-01", None, 24)]
}

fn unit_sold(on: &str) -> UnitFacts {
    UnitFacts {
        brand_id: BRAND,
        category_id: CATEGORY,
        model_id: MODEL,
        sale_date: Some(d(on)),
        ..UnitFacts::undated(BRAND, CATEGORY, MODEL)
    }
}

fn claim(on: &str) -> Claim {
    Claim { date: d(on), component_code: None, conditions: vec![] }
}

fn decide(unit: UnitFacts, policies: Vec<WarrantyPolicy>, claim: Claim) -> Decision {
    evaluate_entitlement(&EntitlementInput { unit, policies, contracts: vec![], prior_repairs: vec![], claim })
}

/// (parts, labour, travel) covered?
fn covered(decision: &Decision) -> (bool, bool, bool) {
    let c = |leg| decision.leg(leg).is_some_and(|l| l.covered);
    (c(Leg::Parts), c(Leg::Labour), c(Leg::Travel))
}

fn expiry(decision: &Decision, leg: Leg) -> Option<NaiveDate> {
    decision.leg(leg).and_then(|l| l.expires_on)
}

fn warned(decision: &Decision, code: WarningCode) -> bool {
    decision.warnings.iter().any(|w| w.code == code)
}

#[test]
fn case_01_a_new_unit_is_covered_on_every_leg_from_its_sale_date() {
    let r = decide(unit_sold("2026-01-10"), policies(), claim("2026-06-01"));
    assert_eq!(covered(&r), (true, true, true));
    assert_eq!(r.start, Some((StartBasis::Sale, d("2026-01-10"))));
    assert_eq!(expiry(&r, Leg::Parts), Some(d("2028-01-09")));
    assert_eq!(expiry(&r, Leg::Labour), Some(d("2027-01-09")));
    assert_eq!(expiry(&r, Leg::Travel), Some(d("2026-07-09")));
    assert!(r.warnings.is_empty());
}

#[test]
fn case_02_travel_lapses_first() {
    let r = decide(unit_sold("2026-01-10"), policies(), claim("2026-07-10"));
    assert_eq!(covered(&r), (true, true, false));
}

#[test]
fn case_03_labour_lapses_before_parts() {
    let r = decide(unit_sold("2026-01-10"), policies(), claim("2027-01-10"));
    assert_eq!(covered(&r), (true, false, false));
}

#[test]
fn case_04_after_every_term_nothing_is_covered_and_the_reasons_say_expired() {
    let r = decide(unit_sold("2026-01-10"), policies(), claim("2028-01-10"));
    assert_eq!(covered(&r), (false, false, false));
    let parts = r
        .leg(Leg::Parts)
        .map(|l| l.reasons.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    assert!(parts.contains("expired on 2028-01-09"), "{parts}");
}

#[test]
fn case_05_the_compressor_keeps_its_own_longer_parts_term() {
    let mut c = claim("2029-05-01");
    c.component_code = Some("compressor".into());
    let r = decide(unit_sold("2026-01-10"), policies(), c);
    assert_eq!(covered(&r), (true, false, false));
    assert_eq!(expiry(&r, Leg::Parts), Some(d("2031-01-09")));
    assert!(matches!(r.leg(Leg::Parts).and_then(|l| l.source.clone()), Some(CoverSource::ComponentOverride { .. })));
}

#[test]
fn case_06_liquid_damage_voids_every_leg_and_names_the_exclusion() {
    let mut c = claim("2026-03-01");
    c.conditions = vec!["liquid_damage".into()];
    let r = decide(unit_sold("2026-01-10"), policies(), c);
    assert_eq!(covered(&r), (false, false, false));
    assert_eq!(r.excluded_by, vec!["liquid_damage".to_owned()]);
    assert!(r.leg(Leg::Parts).is_some_and(|l| l.rule_ids.iter().any(|id| id.ends_with("/exclusion/liquid_damage"))));
}

#[test]
fn case_07_an_extended_warranty_carries_parts_and_labour_past_the_policy() {
    let contract = Contract {
        id: Uuid::from_u128(900).into(),
        kind: ContractKind::ExtendedWarranty,
        legs: vec![Leg::Parts, Leg::Labour],
        starts_on: d("2028-01-10"),
        ends_on: d("2029-01-09"),
        component_codes: vec![],
    };
    let r = evaluate_entitlement(&EntitlementInput {
        unit: unit_sold("2026-01-10"),
        policies: policies(),
        contracts: vec![contract],
        prior_repairs: vec![],
        claim: claim("2028-06-01"),
    });
    assert_eq!(covered(&r), (true, true, false));
    assert!(matches!(r.leg(Leg::Labour).and_then(|l| l.source.clone()), Some(CoverSource::Contract { .. })));
    assert_eq!(expiry(&r, Leg::Parts), Some(d("2029-01-09")));
}

#[test]
fn case_08_a_part_replaced_earlier_is_guaranteed_on_its_own() {
    let repair = PriorRepair {
        reference: "RO-HN01-2028-000042".into(),
        component_code: "pcb".into(),
        replaced_on: d("2028-03-01"),
        warranty_days: 90,
    };
    let mut c = claim("2028-04-15");
    c.component_code = Some("pcb".into());
    let unit = unit_sold("2026-01-10");
    let input = EntitlementInput {
        unit,
        policies: policies(),
        contracts: vec![],
        prior_repairs: vec![repair.clone()],
        claim: c,
    };
    let r = evaluate_entitlement(&input);
    assert_eq!(covered(&r), (true, true, false));
    assert_eq!(expiry(&r, Leg::Parts), Some(d("2028-05-30")));
    // Another component gets nothing from that repair.
    let mut other = input.clone();
    other.claim.component_code = Some("panel".into());
    assert_eq!(covered(&evaluate_entitlement(&other)), (false, false, false));
}

#[test]
fn case_09_without_a_sale_date_the_manufacture_date_plus_grace_is_used_with_a_warning() {
    let unit = UnitFacts { sale_date: None, manufacture_date: Some(d("2025-10-01")), ..unit_sold("2026-01-01") };
    let r = decide(unit, policies(), claim("2026-06-01"));
    assert_eq!(r.start, Some((StartBasis::Manufacture, d("2025-12-30"))));
    let warning = r.warnings.iter().find(|w| w.code == WarningCode::BasisDateMissing).map(|w| w.message.clone());
    assert_eq!(warning.as_deref(), Some("sale date missing, manufacture date + 90 days used (2025-12-30)"));
    // Reference date is the manufacture date: version 1 (12 months of parts) applies.
    assert_eq!(r.policy.map(|p| p.1), Some(1));
    assert_eq!(expiry(&r, Leg::Parts), Some(d("2026-12-29")));
}

fn variant(scope: PolicyScope, basis: StartBasis, id: u128) -> WarrantyPolicy {
    WarrantyPolicy {
        id: Uuid::from_u128(id).into(),
        scope,
        start_basis: basis,
        name: format!("{basis:?}"),
        ..standard(1, "2020-01-01", None, 24)
    }
}

#[test]
fn case_10_a_category_policy_counting_from_delivery_beats_the_brand_policy() {
    let mut all = policies();
    all.push(variant(PolicyScope::Category(CATEGORY), StartBasis::Delivery, 200));
    let unit = UnitFacts { delivery_date: Some(d("2026-02-15")), ..unit_sold("2026-01-10") };
    let r = decide(unit, all, claim("2026-08-10"));
    assert_eq!(r.policy.map(|p| p.0.uuid()), Some(Uuid::from_u128(200)));
    assert_eq!(r.start, Some((StartBasis::Delivery, d("2026-02-15"))));
    assert_eq!(covered(&r), (true, true, true), "travel runs to 2026-08-14");
}

#[test]
fn case_11_a_model_policy_counting_from_installation_beats_category_and_brand() {
    let mut all = policies();
    all.push(variant(PolicyScope::Category(CATEGORY), StartBasis::Delivery, 200));
    all.push(variant(PolicyScope::Model(MODEL), StartBasis::Installation, 300));
    let unit = UnitFacts { installation_date: Some(d("2026-03-01")), ..unit_sold("2026-01-10") };
    let r = decide(unit, all, claim("2026-08-31"));
    assert_eq!(r.policy.map(|p| p.0.uuid()), Some(Uuid::from_u128(300)));
    assert_eq!(r.start, Some((StartBasis::Installation, d("2026-03-01"))));
    assert_eq!(expiry(&r, Leg::Travel), Some(d("2026-08-31")));
    assert!(covered(&r).2);
}

#[test]
fn case_12_a_missing_installation_date_falls_back_to_delivery_with_a_warning() {
    let all = vec![variant(PolicyScope::Model(MODEL), StartBasis::Installation, 300)];
    let unit = UnitFacts { delivery_date: Some(d("2026-02-01")), ..unit_sold("2026-01-10") };
    let r = decide(unit, all, claim("2026-05-01"));
    assert_eq!(r.start, Some((StartBasis::Delivery, d("2026-02-01"))));
    assert!(warned(&r, WarningCode::BasisDateMissing));
}

#[test]
fn case_13_a_policy_counting_from_registration_uses_the_card_activation() {
    let all = vec![variant(PolicyScope::Brand(BRAND), StartBasis::Registration, 400)];
    let unit = UnitFacts { registration_date: Some(d("2026-04-01")), ..unit_sold("2026-01-10") };
    let r = decide(unit, all, claim("2027-03-31"));
    assert_eq!(r.start, Some((StartBasis::Registration, d("2026-04-01"))));
    assert_eq!(covered(&r), (true, true, false));
}

#[test]
fn case_14_a_policy_counting_from_manufacture_adds_its_grace() {
    let mut p = variant(PolicyScope::Brand(BRAND), StartBasis::Manufacture, 500);
    p.manufacture_grace_days = 30;
    let unit = UnitFacts { manufacture_date: Some(d("2026-01-01")), ..unit_sold("2026-05-01") };
    let r = decide(unit, vec![p], claim("2027-01-30"));
    assert_eq!(r.start, Some((StartBasis::Manufacture, d("2026-01-31"))));
    assert_eq!(covered(&r), (true, true, false));
    assert!(r.warnings.is_empty(), "manufacture is this policy's own basis: {:?}", r.warnings);
}

#[test]
fn case_15_the_version_in_force_when_the_unit_was_sold_applies() {
    let r = decide(unit_sold("2025-12-20"), policies(), claim("2027-06-01"));
    assert_eq!(r.policy.map(|p| p.1), Some(1));
    assert!(!covered(&r).0, "v1 gave 12 months of parts");
    let r = decide(unit_sold("2026-01-02"), policies(), claim("2027-06-01"));
    assert_eq!(r.policy.map(|p| p.1), Some(2));
    assert!(covered(&r).0);
}

#[test]
fn case_16_a_unit_no_policy_speaks_for_is_not_covered_and_says_why() {
    let unit = UnitFacts { brand_id: Uuid::from_u128(77).into(), ..unit_sold("2026-01-10") };
    let r = decide(unit, policies(), claim("2026-02-01"));
    assert_eq!(covered(&r), (false, false, false));
    assert!(warned(&r, WarningCode::NoPolicy));
    assert_eq!(r.policy, None);
}

#[test]
fn case_17_with_no_date_at_all_nothing_is_covered() {
    let unit = UnitFacts { sale_date: None, ..unit_sold("2026-01-10") };
    let r = decide(unit, policies(), claim("2026-02-01"));
    assert_eq!(covered(&r), (false, false, false));
    assert!(warned(&r, WarningCode::NoStartDate));
}

#[test]
fn case_18_a_claim_before_the_sale_is_not_under_warranty() {
    let r = decide(unit_sold("2026-03-01"), policies(), claim("2026-02-01"));
    assert_eq!(covered(&r), (false, false, false));
    assert!(warned(&r, WarningCode::ClaimBeforeStart));
}

#[test]
fn case_19_a_leap_day_sale_counts_calendar_months() {
    let r = decide(unit_sold("2028-02-29"), policies(), claim("2029-02-28"));
    assert_eq!(expiry(&r, Leg::Labour), Some(d("2029-02-27")));
    assert_eq!(covered(&r), (true, false, false));
}

#[test]
fn case_20_dates_that_contradict_each_other_are_flagged() {
    let unit = UnitFacts { manufacture_date: Some(d("2026-05-01")), ..unit_sold("2026-01-10") };
    let r = decide(unit, policies(), claim("2026-06-01"));
    assert!(warned(&r, WarningCode::InconsistentDates));
}
