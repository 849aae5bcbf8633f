use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stock_movements")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub warehouse_id: Uuid,
    pub part_id: Uuid,
    pub kind: String,
    pub quantity_delta: i64,
    pub value_delta_minor: i64,
    pub unit_cost_minor: i64,
    pub on_hand_after: i64,
    pub actor_id: Option<Uuid>,
    pub reason: Option<String>,
    pub document_kind: Option<String>,
    pub document_id: Option<Uuid>,
    pub ticket_id: Option<Uuid>,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
