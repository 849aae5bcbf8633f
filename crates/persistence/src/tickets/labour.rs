//! Labour lines on a ticket: coded services from the service catalogue.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::ticket_labour_lines::{Column, Entity};

/// How many labour lines the ticket has.
pub async fn count(db: &impl ConnectionTrait, ticket_id: Uuid) -> Result<u32, StoreError> {
    let n = Entity::find().filter(Column::TicketId.eq(ticket_id)).count(db).await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}
