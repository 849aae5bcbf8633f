use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ticket_callbacks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub ticket_id: Uuid,
    /// The ticket's branch, which never changes: a part of the network's tasks come from one index.
    pub branch_id: Uuid,
    pub due_at: DateTimeUtc,
    /// pending, done, unreachable
    pub status: String,
    pub attempts: i32,
    /// JSON object: question code → answer.
    pub answers: Option<String>,
    pub satisfaction_score: Option<i32>,
    /// JSON array of contradiction codes.
    pub contradictions: Option<String>,
    pub notes: Option<String>,
    pub done_by: Option<Uuid>,
    pub done_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
