use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "purchase_orders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub number: String,
    pub branch_id: Uuid,
    pub warehouse_id: Uuid,
    pub supplier_name: String,
    pub brand_id: Option<Uuid>,
    pub currency: String,
    /// draft, ordered, partially_received, received, cancelled
    pub status: String,
    pub expected_on: Option<Date>,
    pub note: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub ordered_by: Option<Uuid>,
    pub ordered_at: Option<DateTimeUtc>,
    pub received_at: Option<DateTimeUtc>,
    pub cancelled_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
