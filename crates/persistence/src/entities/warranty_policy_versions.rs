use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "warranty_policy_versions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub policy_id: Uuid,
    pub version: i32,
    pub effective_from: Date,
    pub effective_to: Option<Date>,
    pub start_basis: String,
    pub manufacture_grace_days: i32,
    pub repair_warranty_days: i32,
    /// `carry_over` or `fresh`: the warranty of a unit given in exchange.
    pub exchange_term: String,
    /// JSON: `[{"leg": "parts", "months": 24}, …]`.
    pub legs: String,
    /// JSON: `[{"component_code": "compressor", "leg": "parts", "months": 60}, …]`.
    pub component_overrides: String,
    /// JSON: `["liquid_damage", …]`.
    pub exclusions: String,
    pub created_at: DateTimeUtc,
    pub created_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
