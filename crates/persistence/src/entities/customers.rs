use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "customers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub branch_id: Uuid,
    pub kind: String,
    pub name: String,
    pub tax_id: Option<String>,
    pub locale: String,
    pub source: String,
    pub notes: Option<String>,
    /// Folded name and contacts, see `aftersales_domain::customers::search_key`.
    pub search_key: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
