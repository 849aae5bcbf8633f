use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "defective_parts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub ticket_id: Uuid,
    pub ticket_part_id: Uuid,
    pub part_id: Uuid,
    pub technician_id: Uuid,
    pub branch_id: Uuid,
    pub quantity: i64,
    pub due_at: DateTimeUtc,
    /// owed, received, shipped, written_off, scrapped
    pub status: String,
    pub received_warehouse_id: Option<Uuid>,
    pub received_at: Option<DateTimeUtc>,
    pub received_by: Option<Uuid>,
    pub rtv_shipment_id: Option<Uuid>,
    pub closed_at: Option<DateTimeUtc>,
    pub close_reason: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
