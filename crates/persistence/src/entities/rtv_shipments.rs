use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rtv_shipments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub number: String,
    pub branch_id: Uuid,
    pub warehouse_id: Uuid,
    pub brand_id: Uuid,
    /// draft, shipped, acknowledged
    pub status: String,
    pub note: Option<String>,
    pub ship_reference: Option<String>,
    pub ack_reference: Option<String>,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    pub shipped_by: Option<Uuid>,
    pub shipped_at: Option<DateTimeUtc>,
    pub acknowledged_by: Option<Uuid>,
    pub acknowledged_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
