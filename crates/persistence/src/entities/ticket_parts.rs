use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ticket_parts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub ticket_id: Uuid,
    pub part_id: Uuid,
    pub warehouse_id: Uuid,
    pub reserved: i64,
    pub issued: i64,
    pub used: i64,
    pub returned_unused: i64,
    pub defective_returned: i64,
    pub issued_value_minor: i64,
    /// manufacturer, customer
    pub charge_to: String,
    pub unit_price_minor: i64,
    pub currency: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
