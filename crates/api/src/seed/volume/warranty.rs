//! Warranty in a generated network: a policy in force for every brand of the
//! catalogue, and each ticket's warranty decided by the entitlement engine from
//! its unit's sale date, as intake decides it, so that a unit sold long ago reads
//! "not covered" and a recent one "covered" for the rules' own reasons.
use std::collections::BTreeMap;

use aftersales_domain::catalogue::ProductModel;
use aftersales_domain::ids::WarrantyPolicyId;
use aftersales_domain::stock::charging::PartsCover;
use aftersales_domain::tickets::WarrantyStatus;
use aftersales_domain::warranty::{
    Claim, ComponentOverride, CoverSource, Decision, EntitlementInput, Leg, LegTerm, PolicyScope, StartBasis,
    UnitFacts, WarrantyPolicy, evaluate_entitlement,
};
use aftersales_persistence::ConnectionTrait;
use aftersales_persistence::catalogue::brands::{self, BrandFilter};
use aftersales_persistence::warranty_policies::{self, NewVersion};
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::entitlement_dto::decision_out;
use crate::use_cases::tickets::warranty::status_from;

/// What a ticket's unit is entitled to on the day it came in.
pub(super) struct Entitled {
    pub status: WarrantyStatus,
    pub parts_cover: PartsCover,
    /// The decision as intake keeps it on the ticket (the API's answer, as JSON).
    pub snapshot: Option<serde_json::Value>,
}

/// The policies by brand, as written.
pub(super) struct Policies {
    by_brand: BTreeMap<Uuid, Vec<WarrantyPolicy>>,
    /// Keep the decision on the ticket, as intake does (the demo), or only its
    /// one-word status (the benchmark's million tickets).
    snapshots: bool,
}

/// One policy per brand: alternately 12 months on everything with the compressor's
/// parts for 5 years, and 24 months on parts with 12 on labour.
pub(super) async fn write_policies(
    db: &impl ConnectionTrait,
    snapshots: bool,
    now: DateTime<Utc>,
) -> anyhow::Result<Policies> {
    let filter = BrandFilter { limit: 1_000, ..Default::default() };
    let mut by_brand = BTreeMap::new();
    let since = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    for (n, brand) in brands::list(db, filter).await?.into_iter().enumerate() {
        let id = Uuid::now_v7();
        let scope = PolicyScope::Brand(brand.id);
        let name = format!("{} standard warranty", brand.name);
        let generous = n % 2 == 0;
        let months = |parts, labour| {
            vec![LegTerm { leg: Leg::Parts, months: parts }, LegTerm { leg: Leg::Labour, months: labour }]
        };
        let terms = WarrantyPolicy {
            id: WarrantyPolicyId::from(id),
            version: 1,
            name: name.clone(),
            scope,
            effective_from: since,
            effective_to: None,
            start_basis: StartBasis::Sale,
            manufacture_grace_days: 90,
            legs: if generous { months(12, 12) } else { months(24, 12) },
            component_overrides: if generous {
                vec![ComponentOverride { component_code: "compressor".into(), leg: Leg::Parts, months: 60 }]
            } else {
                Vec::new()
            },
            exclusions: vec!["liquid_damage".into(), "physical_damage".into()],
            repair_warranty_days: 90,
            exchange_term: aftersales_domain::orders::ExchangeTerm::CarryOver,
        };
        warranty_policies::insert_policy(db, id, &name, scope, now).await?;
        let version = NewVersion { policy_id: id, version: 1, terms: &terms, created_by: None };
        warranty_policies::insert_version(db, version, now).await?;
        by_brand.insert(brand.id.uuid(), vec![terms]);
    }
    Ok(Policies { by_brand, snapshots })
}

impl Policies {
    /// The decision for a unit of `model` sold on `sold` and brought in on `claim`.
    pub fn decide(&self, model: &ProductModel, sold: NaiveDate, claim: NaiveDate) -> Entitled {
        let unit =
            UnitFacts { sale_date: Some(sold), ..UnitFacts::undated(model.brand_id, model.category_id, model.id) };
        let input = EntitlementInput {
            unit,
            policies: self.by_brand.get(&model.brand_id.uuid()).cloned().unwrap_or_default(),
            contracts: Vec::new(),
            prior_repairs: Vec::new(),
            claim: Claim { date: claim, component_code: None, conditions: Vec::new() },
        };
        let decision = evaluate_entitlement(&input);
        let covered = |leg| decision.leg(leg).is_some_and(|l| l.covered);
        Entitled {
            status: status_from(covered(Leg::Parts), covered(Leg::Labour)),
            parts_cover: parts_cover(&decision),
            snapshot: if self.snapshots {
                serde_json::to_value(decision_out(&decision, &input.policies)).ok()
            } else {
                None
            },
        }
    }
}

/// What the parts leg covers, read as `use_cases::tickets::warranty::parts_cover`
/// reads it from a stored decision.
fn parts_cover(decision: &Decision) -> PartsCover {
    match decision.leg(Leg::Parts).filter(|l| l.covered) {
        None => PartsCover::Nothing,
        Some(leg) => match &leg.source {
            Some(CoverSource::ComponentOverride { component_code, .. }) => {
                PartsCover::Components(vec![component_code.clone()])
            }
            _ => PartsCover::WholeUnit,
        },
    }
}
