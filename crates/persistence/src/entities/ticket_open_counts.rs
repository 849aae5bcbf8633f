use sea_orm::entity::prelude::*;

/// Changes to the number of tickets not closed, per branch, stage, kind and
/// whether a technician is assigned; a key's count is the sum of its `delta`s.
/// Written by triggers on `tickets` (migration 23), folded by
/// `tickets::dashboard::fold_open_counts`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ticket_open_counts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub branch_id: Uuid,
    pub stage: String,
    pub stage_category: String,
    pub kind: String,
    pub unassigned: bool,
    pub delta: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
