use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_returns")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub order_id: Uuid,
    pub line_id: Uuid,
    /// `return` or `exchange`.
    pub kind: String,
    pub reason: String,
    /// The return/exchange ticket the unit is inspected on.
    pub ticket_id: Uuid,
    /// `refund`, `exchange`, `repair` or `rejected`, once decided.
    pub outcome: Option<String>,
    /// The returns warehouse a unit the network kept went to.
    pub warehouse_id: Option<Uuid>,
    /// The unit given in exchange.
    pub exchange_serial_id: Option<Uuid>,
    pub decision_note: Option<String>,
    pub decided_at: Option<DateTimeUtc>,
    pub decided_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
