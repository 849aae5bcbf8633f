//! Warranty entitlement: is this repair covered, for which legs, until when, and why.
//!
//! [`evaluate_entitlement`] is a pure function of dated facts: the unit (sale,
//! delivery, installation, registration, manufacture dates), the policies of its
//! brand/category/model, contracts bought for it, earlier repairs that replaced
//! parts, and the claim (date, component, conditions found). It never reads a
//! clock or a database; the caller gathers the facts.

mod calendar;
mod evaluate;
mod reasons;
mod selection;
pub mod versions;

pub use calendar::{add_months, last_covered_day};
pub use evaluate::evaluate_entitlement;
pub use reasons::{Reason, Term, Verdict};
pub use selection::{reference_date, select_policy};

use crate::ids::{BrandId, CategoryId, ContractId, ModelId, WarrantyPolicyId};
use chrono::NaiveDate;
use uuid::Uuid;

/// What a warranty pays for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Leg {
    Parts,
    Labour,
    /// Travel to the customer (on-site service).
    Travel,
}

impl Leg {
    pub const ALL: [Leg; 3] = [Leg::Parts, Leg::Labour, Leg::Travel];

    pub fn as_str(self) -> &'static str {
        match self {
            Leg::Parts => "parts",
            Leg::Labour => "labour",
            Leg::Travel => "travel",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Leg::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// The fact a warranty period counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartBasis {
    Sale,
    Delivery,
    Installation,
    /// Registration of the unit or activation of its warranty card.
    Registration,
    /// Manufacture date plus the policy's grace period (stock time in the channel).
    Manufacture,
}

impl StartBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            StartBasis::Sale => "sale",
            StartBasis::Delivery => "delivery",
            StartBasis::Installation => "installation",
            StartBasis::Registration => "registration",
            StartBasis::Manufacture => "manufacture",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        use StartBasis::*;
        [Sale, Delivery, Installation, Registration, Manufacture].into_iter().find(|b| b.as_str() == s)
    }
}

impl PolicyScope {
    pub fn kind(self) -> &'static str {
        match self {
            PolicyScope::Brand(_) => "brand",
            PolicyScope::Category(_) => "category",
            PolicyScope::Model(_) => "model",
        }
    }

    /// The scope's id as stored beside its kind.
    pub fn id(self) -> Uuid {
        match self {
            PolicyScope::Brand(id) => id.uuid(),
            PolicyScope::Category(id) => id.uuid(),
            PolicyScope::Model(id) => id.uuid(),
        }
    }

    pub fn parse(kind: &str, id: Uuid) -> Option<Self> {
        match kind {
            "brand" => Some(PolicyScope::Brand(id.into())),
            "category" => Some(PolicyScope::Category(id.into())),
            "model" => Some(PolicyScope::Model(id.into())),
            _ => None,
        }
    }
}

/// What a policy is written for; the most specific one that matches wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyScope {
    Brand(BrandId),
    Category(CategoryId),
    Model(ModelId),
}

/// The dated facts about one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitFacts {
    pub brand_id: BrandId,
    pub category_id: CategoryId,
    pub model_id: ModelId,
    pub manufacture_date: Option<NaiveDate>,
    pub sale_date: Option<NaiveDate>,
    pub delivery_date: Option<NaiveDate>,
    pub installation_date: Option<NaiveDate>,
    pub registration_date: Option<NaiveDate>,
}

impl UnitFacts {
    /// A unit of a model whose dates are not known yet.
    pub fn undated(brand_id: BrandId, category_id: CategoryId, model_id: ModelId) -> Self {
        UnitFacts {
            brand_id,
            category_id,
            model_id,
            manufacture_date: None,
            sale_date: None,
            delivery_date: None,
            installation_date: None,
            registration_date: None,
        }
    }
}

/// How long one leg lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LegTerm {
    pub leg: Leg,
    pub months: u32,
}

/// A longer (or shorter) term for one leg when the claim concerns one component,
/// e.g. the compressor's parts for 60 months.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComponentOverride {
    pub component_code: String,
    pub leg: Leg,
    pub months: u32,
}

/// One version of a warranty policy, in force from `effective_from` until the day
/// before `effective_to`, for units whose reference date falls in that span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarrantyPolicy {
    pub id: WarrantyPolicyId,
    pub version: i32,
    pub name: String,
    pub scope: PolicyScope,
    pub effective_from: NaiveDate,
    pub effective_to: Option<NaiveDate>,
    pub start_basis: StartBasis,
    /// Days added to the manufacture date when the warranty counts from it.
    pub manufacture_grace_days: u32,
    pub legs: Vec<LegTerm>,
    pub component_overrides: Vec<ComponentOverride>,
    /// Conditions that void the warranty, e.g. `liquid_damage`.
    pub exclusions: Vec<String>,
    /// Days a part replaced under this policy is itself guaranteed.
    pub repair_warranty_days: u32,
    /// Whether a unit given in exchange carries over what is left of this warranty
    /// or starts a fresh term.
    pub exchange_term: crate::orders::ExchangeTerm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContractKind {
    ExtendedWarranty,
    ServiceContract,
}

/// Cover bought for one unit, for some legs, between two dates (both included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contract {
    pub id: ContractId,
    pub kind: ContractKind,
    pub legs: Vec<Leg>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// Only these components, or the whole unit when empty.
    pub component_codes: Vec<String>,
}

/// An earlier repair that replaced a component, which is guaranteed on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriorRepair {
    /// The ticket or document that did the repair.
    pub reference: String,
    pub component_code: String,
    pub replaced_on: NaiveDate,
    pub warranty_days: u32,
}

/// The repair being asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub date: NaiveDate,
    /// The component at fault, when known.
    pub component_code: Option<String>,
    /// Conditions found on inspection, e.g. `liquid_damage`, `physical_damage`.
    pub conditions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntitlementInput {
    pub unit: UnitFacts,
    pub policies: Vec<WarrantyPolicy>,
    pub contracts: Vec<Contract>,
    pub prior_repairs: Vec<PriorRepair>,
    pub claim: Claim,
}

/// What gave (or would have given) a leg its cover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CoverSource {
    Policy { policy_id: WarrantyPolicyId, version: i32 },
    ComponentOverride { policy_id: WarrantyPolicyId, version: i32, component_code: String },
    Contract { contract_id: ContractId, kind: ContractKind },
    RepairWarranty { reference: String, component_code: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegDecision {
    pub leg: Leg,
    pub covered: bool,
    /// The last day of the cover that decided the leg (the longest one that applies,
    /// or the latest one that lapsed).
    pub expires_on: Option<NaiveDate>,
    pub source: Option<CoverSource>,
    /// Stable ids of the rules that decided, e.g. `policy:<id>@v2/parts`.
    pub rule_ids: Vec<String>,
    /// Why, cover by cover; each reads as an English sentence through `Display`.
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningCode {
    /// The policy's start basis date is missing; another date was used.
    BasisDateMissing,
    /// No date at all to count the warranty from.
    NoStartDate,
    NoPolicy,
    ClaimBeforeStart,
    /// The facts contradict each other, e.g. sold before it was made.
    InconsistentDates,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub code: WarningCode,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub legs: Vec<LegDecision>,
    /// The policy that applied, if any.
    pub policy: Option<(WarrantyPolicyId, i32)>,
    /// The basis actually used and the day the warranty started.
    pub start: Option<(StartBasis, NaiveDate)>,
    /// Conditions that voided the cover.
    pub excluded_by: Vec<String>,
    pub warnings: Vec<Warning>,
}

impl Decision {
    pub fn leg(&self, leg: Leg) -> Option<&LegDecision> {
        self.legs.iter().find(|d| d.leg == leg)
    }

    /// True when every leg is covered.
    pub fn fully_covered(&self) -> bool {
        self.legs.iter().all(|d| d.covered)
    }
}

#[cfg(test)]
mod properties;
#[cfg(test)]
mod worked_cases;
