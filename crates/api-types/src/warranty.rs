//! Warranty policies (versioned, effective-dated) and the entitlement decision.
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

/// What a warranty pays for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "parts"))]
#[serde(rename_all = "snake_case")]
pub enum Leg {
    Parts,
    Labour,
    /// Travel to the customer (on-site service).
    Travel,
}

/// Which warranty a unit given in exchange gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "carry_over"))]
#[serde(rename_all = "snake_case")]
pub enum ExchangeTerm {
    /// What was left of the replaced unit's warranty.
    #[default]
    CarryOver,
    /// A whole new term from the day of the exchange.
    Fresh,
}

/// The fact a warranty counts from. `manufacture` adds the grace period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "sale"))]
#[serde(rename_all = "snake_case")]
pub enum StartBasis {
    Sale,
    Delivery,
    Installation,
    Registration,
    Manufacture,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "brand"))]
#[serde(rename_all = "snake_case")]
pub enum ScopeKind {
    Brand,
    Category,
    Model,
}

/// The brand, product category or product model a policy is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"kind": "brand", "id": "0193a4f2-7b1c-7cde-8f00-00000000b001"})))]
#[serde(deny_unknown_fields)]
pub struct PolicyScope {
    pub kind: ScopeKind,
    pub id: Uuid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"leg": "parts", "months": 24})))]
#[serde(deny_unknown_fields)]
pub struct LegTerm {
    pub leg: Leg,
    #[validate(range(max = 240))]
    #[cfg_attr(feature = "openapi", schema(maximum = 240))]
    pub months: u32,
}

/// A different term for one leg when the fault is in one component.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"component_code": "compressor", "leg": "parts", "months": 60})))]
#[serde(deny_unknown_fields)]
pub struct ComponentOverride {
    #[validate(length(min = 1, max = 32), custom(function = "crate::rules::key"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32, pattern = "^[a-z0-9_]+$"))]
    pub component_code: String,
    pub leg: Leg,
    #[validate(range(max = 240))]
    #[cfg_attr(feature = "openapi", schema(maximum = 240))]
    pub months: u32,
}

/// The terms of one version of a policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "effective_from": "2026-01-01", "start_basis": "sale", "manufacture_grace_days": 90,
    "legs": [{"leg": "parts", "months": 24}, {"leg": "labour", "months": 12}, {"leg": "travel", "months": 6}],
    "component_overrides": [{"component_code": "compressor", "leg": "parts", "months": 60}],
    "exclusions": ["liquid_damage", "physical_damage", "unauthorised_repair"], "repair_warranty_days": 90
})))]
#[serde(deny_unknown_fields)]
pub struct PolicyTerms {
    /// Units sold on or after this day fall under this version.
    pub effective_from: NaiveDate,
    pub start_basis: StartBasis,
    /// Days added to the manufacture date when counting from it.
    #[serde(default)]
    #[validate(range(max = 730))]
    #[cfg_attr(feature = "openapi", schema(maximum = 730))]
    pub manufacture_grace_days: u32,
    /// One term per leg; a leg left out is not covered.
    #[validate(length(min = 1, max = 3), nested)]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 3))]
    pub legs: Vec<LegTerm>,
    #[serde(default)]
    #[validate(length(max = 50), nested)]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub component_overrides: Vec<ComponentOverride>,
    /// Conditions that void the warranty, e.g. `liquid_damage`, `physical_damage`.
    #[serde(default)]
    #[validate(length(max = 30))]
    #[cfg_attr(feature = "openapi", schema(max_items = 30))]
    pub exclusions: Vec<String>,
    /// Days a part replaced under warranty is itself guaranteed.
    #[serde(default)]
    #[validate(range(max = 3650))]
    #[cfg_attr(feature = "openapi", schema(maximum = 3650))]
    pub repair_warranty_days: u32,
    /// What a unit given in exchange for a unit under this policy gets: what was
    /// left of its warranty (`carry_over`, the default) or a fresh term (`fresh`).
    #[serde(default)]
    pub exchange_term: ExchangeTerm,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "name": "Daikin air conditioners — standard",
    "scope": {"kind": "brand", "id": "0193a4f2-7b1c-7cde-8f00-00000000b001"},
    "terms": {"effective_from": "2026-01-01", "start_basis": "installation", "manufacture_grace_days": 90,
              "legs": [{"leg": "parts", "months": 24}, {"leg": "labour", "months": 12}],
              "component_overrides": [{"component_code": "compressor", "leg": "parts", "months": 60}],
              "exclusions": ["liquid_damage"], "repair_warranty_days": 90}
})))]
#[serde(deny_unknown_fields)]
pub struct CreatePolicy {
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"[^\s\u0085]"))]
    pub name: String,
    pub scope: PolicyScope,
    #[validate(nested)]
    pub terms: PolicyTerms,
}

/// One published version: in force from `effective_from` until the day before
/// `effective_to` (open-ended when absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "version": 1, "effective_to": null,
    "terms": {"effective_from": "2026-01-01", "start_basis": "sale", "manufacture_grace_days": 90,
              "legs": [{"leg": "parts", "months": 24}], "component_overrides": [], "exclusions": [], "repair_warranty_days": 90}
})))]
pub struct PolicyVersionDto {
    pub version: i32,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub effective_to: Option<NaiveDate>,
    pub terms: PolicyTerms,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000a001", "name": "Daikin air conditioners — standard",
    "scope": {"kind": "brand", "id": "0193a4f2-7b1c-7cde-8f00-00000000b001"},
    "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
    "versions": [{"version": 1, "effective_to": null,
                  "terms": {"effective_from": "2026-01-01", "start_basis": "sale", "manufacture_grace_days": 90,
                            "legs": [{"leg": "parts", "months": 24}], "component_overrides": [], "exclusions": [], "repair_warranty_days": 90}}]
})))]
pub struct PolicyDto {
    pub id: Uuid,
    pub name: String,
    pub scope: PolicyScope,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Oldest first.
    pub versions: Vec<PolicyVersionDto>,
}

/// Filters for `GET /api/v1/warranty-policies`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct PolicyQuery {
    /// With `scope_id`: only policies written for this brand, category or model.
    pub scope_kind: Option<ScopeKind>,
    pub scope_id: Option<Uuid>,
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}
