use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "part_sale_lines")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub sale_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub line_no: i32,
    pub part_id: Uuid,
    pub quantity: i64,
    pub list_price_minor: i64,
    pub unit_price_minor: i64,
    pub discount_minor: i64,
    pub line_total_minor: i64,
    pub unit_cost_minor: i64,
    pub cost_minor: i64,
    pub price_reason: Option<String>,
    pub movement_id: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
