//! `POST /api/v1/warranty/evaluate`: the entitlement decision, as a dry run.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::warranty::{Leg, StartBasis};

/// The dated facts of a unit; brand and category come from its model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "model_id": "0193a4f2-7b1c-7cde-8f00-00000000c001", "manufacture_date": "2025-10-01",
    "sale_date": "2026-01-10", "delivery_date": "2026-01-12", "installation_date": "2026-01-15"
})))]
#[serde(deny_unknown_fields)]
pub struct UnitFacts {
    pub model_id: Uuid,
    #[serde(default)]
    pub manufacture_date: Option<NaiveDate>,
    #[serde(default)]
    pub sale_date: Option<NaiveDate>,
    #[serde(default)]
    pub delivery_date: Option<NaiveDate>,
    #[serde(default)]
    pub installation_date: Option<NaiveDate>,
    /// Registration of the unit or activation of its warranty card.
    #[serde(default)]
    pub registration_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"date": "2027-04-01", "component_code": "compressor", "conditions": []})))]
#[serde(deny_unknown_fields)]
pub struct ClaimFacts {
    /// The day the repair is asked for.
    pub date: NaiveDate,
    /// The component at fault, when known (e.g. `compressor`).
    #[serde(default)]
    #[validate(length(min = 1, max = 32))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32))]
    pub component_code: Option<String>,
    /// Conditions found on inspection, e.g. `liquid_damage`.
    #[serde(default)]
    #[validate(length(max = 30))]
    #[cfg_attr(feature = "openapi", schema(max_items = 30))]
    pub conditions: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "extended_warranty"))]
#[serde(rename_all = "snake_case")]
pub enum ContractKind {
    ExtendedWarranty,
    ServiceContract,
}

/// Cover bought for the unit, for some legs, between two days (both included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "kind": "extended_warranty", "legs": ["parts", "labour"], "starts_on": "2028-01-15", "ends_on": "2029-01-14", "component_codes": []
})))]
#[serde(deny_unknown_fields)]
pub struct ContractFacts {
    pub kind: ContractKind,
    #[validate(length(min = 1, max = 3))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 3))]
    pub legs: Vec<Leg>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// Only these components; the whole unit when empty.
    #[serde(default)]
    #[validate(length(max = 50))]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub component_codes: Vec<String>,
}

/// An earlier repair that replaced a component.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "reference": "RO-HN01-2027-000042", "component_code": "compressor", "replaced_on": "2027-03-01", "warranty_days": 90
})))]
#[serde(deny_unknown_fields)]
pub struct PriorRepairFacts {
    #[validate(length(min = 1, max = 64))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub reference: String,
    #[validate(length(min = 1, max = 32))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32))]
    pub component_code: String,
    pub replaced_on: NaiveDate,
    #[validate(range(max = 3650))]
    #[cfg_attr(feature = "openapi", schema(maximum = 3650))]
    pub warranty_days: u32,
}

/// Everything the decision depends on: exactly one of `unit` (the facts, given
/// here) or `serial_id` (a registered unit: its facts, contracts and component swaps
/// come from the registry and are added to those given here). Policies come from
/// the catalogue's brand, category and model of the unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "unit": {"model_id": "0193a4f2-7b1c-7cde-8f00-00000000c001", "sale_date": "2026-01-10"},
    "claim": {"date": "2027-04-01", "component_code": "compressor", "conditions": []},
    "contracts": [], "prior_repairs": []
})))]
#[serde(deny_unknown_fields)]
pub struct EvaluateRequest {
    #[serde(default)]
    #[validate(nested)]
    pub unit: Option<UnitFacts>,
    /// A unit of the serial registry, instead of `unit`.
    #[serde(default)]
    pub serial_id: Option<Uuid>,
    #[validate(nested)]
    pub claim: ClaimFacts,
    #[serde(default)]
    #[validate(length(max = 20), nested)]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub contracts: Vec<ContractFacts>,
    #[serde(default)]
    #[validate(length(max = 50), nested)]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub prior_repairs: Vec<PriorRepairFacts>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "component_override"))]
#[serde(rename_all = "snake_case")]
pub enum CoverSourceKind {
    Policy,
    ComponentOverride,
    Contract,
    RepairWarranty,
}

/// What gave a leg its cover (or would have, had it not lapsed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "kind": "component_override", "policy_id": "0193a4f2-7b1c-7cde-8f00-00000000a001", "policy_version": 2, "component_code": "compressor"
})))]
pub struct CoverSource {
    pub kind: CoverSourceKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_version: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "leg": "parts", "covered": true, "expires_on": "2031-01-14",
    "source": {"kind": "component_override", "policy_id": "0193a4f2-7b1c-7cde-8f00-00000000a001", "policy_version": 2, "component_code": "compressor"},
    "rule_ids": ["policy:0193a4f2-7b1c-7cde-8f00-00000000a001@v2/compressor/parts"],
    "reasons": ["parts: the compressor term of policy 'Standard' v2: 60 months from the installation date 2026-01-15 — covered until 2031-01-14"]
})))]
pub struct LegDecision {
    pub leg: Leg,
    pub covered: bool,
    /// Last day of the cover that decided the leg.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub expires_on: Option<NaiveDate>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub source: Option<CoverSource>,
    pub rule_ids: Vec<String>,
    /// Why, as English sentences.
    pub reasons: Vec<String>,
    /// The same reasons as data, in the same order, for clients that word them in
    /// their reader's language. Empty on decisions stored before it existed.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub explained: Vec<Reason>,
}

/// Which sentence a [`Reason`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "covered"))]
#[serde(rename_all = "snake_case")]
pub enum ReasonCode {
    /// A cover in force on the claim date; `until` is its last day.
    Covered,
    /// A cover that starts after the claim date `on`.
    NotYetInForce,
    /// A cover that lapsed; `until` was its last day.
    Expired,
    /// The `conditions` found void the cover of policy `policy_name`.
    Excluded,
    /// Policy `policy_name` v`policy_version` has no term for this leg.
    NotInPolicy,
    /// No policy, contract or earlier repair covers this leg.
    NothingCovers,
}

/// One reason of a leg's decision. For a cover (`covered`, `not_yet_in_force`,
/// `expired`), `cover` says what it is and the fields that describe it are set:
/// a policy's term (`policy_name`, `policy_version`, `months`, `basis`, `from`),
/// a component's term (the same and `component_code`), a contract (`contract_id`,
/// `contract_kind`, `from`) or a replaced part's own guarantee (`component_code`,
/// `from` = the day it was replaced, `reference`, `days`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "code": "covered", "leg": "parts", "cover": "component_override", "policy_name": "Standard", "policy_version": 2,
    "component_code": "compressor", "months": 60, "basis": "installation", "from": "2026-01-15", "until": "2031-01-14"
})))]
pub struct Reason {
    pub code: ReasonCode,
    pub leg: Leg,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<CoverSourceKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_version: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<StartBasis>,
    /// The first day of the cover.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// The last day of the cover.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    /// The claim date, for a cover not yet in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_kind: Option<ContractKind>,
    /// The ticket or document of an earlier repair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// How many days a replaced part is guaranteed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<String>,
}

impl Reason {
    /// A reason with only its code and leg; the rest is filled in by its maker.
    pub fn new(code: ReasonCode, leg: Leg) -> Self {
        Reason {
            code,
            leg,
            cover: None,
            policy_name: None,
            policy_version: None,
            component_code: None,
            months: None,
            basis: None,
            from: None,
            until: None,
            on: None,
            contract_id: None,
            contract_kind: None,
            reference: None,
            days: None,
            conditions: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "basis_date_missing"))]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    BasisDateMissing,
    NoStartDate,
    NoPolicy,
    ClaimBeforeStart,
    InconsistentDates,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"code": "basis_date_missing", "message": "sale date missing, manufacture date + 90 days used (2025-12-30)"})))]
pub struct DecisionWarning {
    pub code: WarningCode,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": "0193a4f2-7b1c-7cde-8f00-00000000a001", "version": 2, "name": "Standard"})))]
pub struct AppliedPolicy {
    pub id: Uuid,
    pub version: i32,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"basis": "sale", "date": "2026-01-10"})))]
pub struct WarrantyStart {
    pub basis: StartBasis,
    pub date: NaiveDate,
}

/// The decision: leg by leg, with the policy, start and reasons that produced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "fully_covered": false,
    "legs": [{"leg": "travel", "covered": false, "expires_on": "2026-07-14", "source": null, "rule_ids": [], "reasons": ["travel: … expired on 2026-07-14"]}],
    "policy": {"id": "0193a4f2-7b1c-7cde-8f00-00000000a001", "version": 2, "name": "Standard"},
    "start": {"basis": "sale", "date": "2026-01-10"}, "excluded_by": [], "warnings": []
})))]
pub struct Decision {
    /// True when parts, labour and travel are all covered.
    pub fully_covered: bool,
    pub legs: Vec<LegDecision>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub policy: Option<AppliedPolicy>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub start: Option<WarrantyStart>,
    /// Conditions found that void the cover.
    pub excluded_by: Vec<String>,
    pub warnings: Vec<DecisionWarning>,
}
