//! Complaints about a ticket's service, each with its own resolution.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::complaints::{Column, Entity};

pub const OPEN: &str = "open";

pub async fn open_count(db: &impl ConnectionTrait, ticket_id: Uuid) -> Result<u32, StoreError> {
    let n = Entity::find().filter(Column::TicketId.eq(ticket_id)).filter(Column::Status.eq(OPEN)).count(db).await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}
