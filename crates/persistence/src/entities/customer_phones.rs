use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "customer_phones")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub customer_id: Uuid,
    /// Order in which the customer gave their numbers, from 0.
    #[sea_orm(primary_key, auto_increment = false)]
    pub position: i16,
    pub number: String,
    pub normalized: String,
    /// `customers::phone_suffix_key(normalized)`: found by its last digits.
    pub digits_reversed: String,
    pub label: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
