use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stocktake_lines")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub stocktake_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub part_id: Uuid,
    pub expected: i64,
    pub counted: Option<i64>,
    pub counted_by: Option<Uuid>,
    pub counted_at: Option<DateTimeUtc>,
    pub on_hand_at_post: Option<i64>,
    pub value_delta_minor: Option<i64>,
    pub movement_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
