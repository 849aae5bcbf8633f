//! The warranty decision stored on a ticket: made by the entitlement engine from the
//! registry's facts on the claim date, summed up in one word, and compared when
//! made again.
use aftersales_api_types::entitlement::Decision;
use aftersales_api_types::warranty::Leg;
use aftersales_domain::stock::charging::PartsCover;
use aftersales_domain::tickets::{WarrantySnapshot, WarrantyStatus};
use aftersales_domain::warranty::{self as domain, evaluate_entitlement};
use aftersales_persistence::catalogue::models;
use aftersales_persistence::{ConnectionTrait, serials, warranty_policies};
use chrono::NaiveDate;
use uuid::Uuid;

use crate::entitlement_dto::decision_out;
use crate::error::ApiError;
use crate::serial_dto;

/// The decision for a registered unit on `claim_date`, as the evaluate endpoint gives it.
pub async fn decide(
    db: &impl ConnectionTrait,
    serial_id: Uuid,
    claim_date: NaiveDate,
    conditions: &[String],
) -> Result<Decision, ApiError> {
    let unit = serials::find(db, serial_id).await?;
    let model = models::find(db, unit.model_id.uuid()).await?;
    let contracts = serials::contracts::of_unit(db, unit.id.uuid()).await?;
    let swaps = serials::swaps::of_unit(db, unit.id.uuid()).await?;
    let registered = serial_dto::registered(&contracts, &swaps);
    let facts = serial_dto::unit_facts(&unit, model.category_id.uuid());
    let policies =
        warranty_policies::candidates_for(db, facts.brand_id.uuid(), facts.category_id.uuid(), facts.model_id.uuid())
            .await?;
    let input = domain::EntitlementInput {
        unit: facts,
        policies,
        contracts: registered.contracts,
        prior_repairs: registered.prior_repairs,
        claim: domain::Claim { date: claim_date, component_code: None, conditions: conditions.to_vec() },
    };
    let decision = evaluate_entitlement(&input);
    Ok(decision_out(&decision, &input.policies))
}

/// The decision kept on a ticket, when there is one and it still reads.
pub fn stored(snapshot: Option<&WarrantySnapshot>) -> Option<Decision> {
    snapshot.and_then(|kept| serde_json::from_str(kept.json()).ok())
}

/// A decision as the ticket keeps it: the answer the API gave, as JSON.
pub fn snapshot_of(decision: &Decision) -> Option<WarrantySnapshot> {
    serde_json::to_string(decision).ok().map(WarrantySnapshot::new)
}

/// Parts and labour both covered: covered; either: partial; neither: not covered.
/// Travel alone does not make a repair covered.
pub fn status_of(decision: &Decision) -> WarrantyStatus {
    let covered = |leg: Leg| decision.legs.iter().any(|l| l.leg == leg && l.covered);
    status_from(covered(Leg::Parts), covered(Leg::Labour))
}

/// The one word for a decision whose parts and labour legs are covered or not.
pub fn status_from(parts: bool, labour: bool) -> WarrantyStatus {
    match (parts, labour) {
        (true, true) => WarrantyStatus::Covered,
        (false, false) => WarrantyStatus::NotCovered,
        _ => WarrantyStatus::Partial,
    }
}

/// What the parts leg of a stored decision covers: nothing when it is not covered
/// (or nothing was decided), the component a component term covered, or else the
/// whole unit.
pub fn parts_cover(snapshot: Option<&WarrantySnapshot>) -> PartsCover {
    let Some(decision) = stored(snapshot) else {
        return PartsCover::Nothing;
    };
    match decision.legs.iter().find(|l| l.leg == Leg::Parts && l.covered) {
        None => PartsCover::Nothing,
        Some(leg) => match leg.source.as_ref().and_then(|s| s.component_code.clone()) {
            Some(component) => PartsCover::Components(vec![component]),
            None => PartsCover::WholeUnit,
        },
    }
}

fn leg_name(leg: Leg) -> &'static str {
    match leg {
        Leg::Parts => "parts",
        Leg::Labour => "labour",
        Leg::Travel => "travel",
    }
}

fn covered_word(covered: bool) -> &'static str {
    if covered { "covered" } else { "not covered" }
}

/// What changed between two decisions, one line per leg, policy or start.
pub fn differences(before: Option<&Decision>, after: &Decision) -> Vec<String> {
    let Some(before) = before else {
        return vec!["no decision was stored before".into()];
    };
    let mut lines = Vec::new();
    for leg in &after.legs {
        let old = before.legs.iter().find(|l| l.leg == leg.leg);
        let name = leg_name(leg.leg);
        match old {
            Some(old) if old.covered != leg.covered => {
                lines.push(format!("{name}: {} → {}", covered_word(old.covered), covered_word(leg.covered)));
            }
            Some(old) if old.expires_on != leg.expires_on => lines.push(format!(
                "{name}: cover ends {} → {}",
                old.expires_on.map_or("never".into(), |d| d.to_string()),
                leg.expires_on.map_or("never".into(), |d| d.to_string())
            )),
            None => lines.push(format!("{name}: {}", covered_word(leg.covered))),
            Some(_) => {}
        }
    }
    let policy = |d: &Decision| d.policy.as_ref().map(|p| format!("{} v{}", p.name, p.version));
    if policy(before) != policy(after) {
        lines.push(format!(
            "policy: {} → {}",
            policy(before).unwrap_or_else(|| "none".into()),
            policy(after).unwrap_or_else(|| "none".into())
        ));
    }
    let start = |d: &Decision| d.start.as_ref().map(|s| s.date.to_string());
    if start(before) != start(after) {
        lines.push(format!(
            "warranty start: {} → {}",
            start(before).unwrap_or_else(|| "unknown".into()),
            start(after).unwrap_or_else(|| "unknown".into())
        ));
    }
    lines
}
