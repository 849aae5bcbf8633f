use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stock_balances")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub warehouse_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub part_id: Uuid,
    pub on_hand: i64,
    pub reserved: i64,
    pub value_minor: i64,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
