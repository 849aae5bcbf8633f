use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_lines")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub order_id: Uuid,
    /// 1, 2, … in the order as the platform sent it.
    pub line_no: i32,
    pub model_id: Uuid,
    /// The serial as the platform sent it, until the unit is registered.
    pub serial: Option<String>,
    /// The registered unit, once its serial is known.
    pub serial_id: Option<Uuid>,
    pub installation_ticket_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
