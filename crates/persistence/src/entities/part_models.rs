use sea_orm::entity::prelude::*;

/// The product models a part fits.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "part_models")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub part_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub model_id: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
