//! Labour lines on a ticket: coded services from the service catalogue.
use aftersales_domain::tickets::callback::BilledLine;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::ticket_labour_lines::{Column, Entity};

/// How many labour lines the ticket has.
pub async fn count(db: &impl ConnectionTrait, ticket_id: Uuid) -> Result<u32, StoreError> {
    let n = Entity::find().filter(Column::TicketId.eq(ticket_id)).count(db).await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// The ticket's labour lines as billed: quantity and unit price of each.
pub async fn billed_lines(db: &impl ConnectionTrait, ticket_id: Uuid) -> Result<Vec<BilledLine>, StoreError> {
    let rows = Entity::find().filter(Column::TicketId.eq(ticket_id)).all(db).await?;
    Ok(rows.into_iter().map(|r| BilledLine { quantity: r.quantity, unit_price_minor: r.unit_price_minor }).collect())
}
