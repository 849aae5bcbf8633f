use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "parts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub brand_id: Uuid,
    pub sku: String,
    pub name: String,
    /// Folded SKU and name.
    pub search_key: String,
    pub component_code: Option<String>,
    pub unit: String,
    pub serialised: bool,
    pub standard_cost_minor: i64,
    pub price_minor: i64,
    pub currency: String,
    pub reorder_point: i32,
    pub active: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
