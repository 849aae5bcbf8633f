use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "orders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The platform that sold it.
    pub partner_id: Uuid,
    /// The branch that serves it (installation, returns).
    pub branch_id: Uuid,
    /// The platform's order number, unique per platform.
    pub external_reference: String,
    pub customer_id: Uuid,
    pub status: String,
    pub ordered_on: Date,
    pub delivered_on: Option<Date>,
    pub installation_address: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
