//! Labour lines on a ticket: coded services from the service catalogue, or free
//! lines, each priced (in minor units) when recorded.
use crate::money::money;
use aftersales_domain::money::Money;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::ticket_labour_lines::{ActiveModel, Column, Entity, Model};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabourLine {
    pub id: Uuid,
    pub ticket_id: Uuid,
    /// `None` for a free line.
    pub service_item_id: Option<Uuid>,
    pub code: String,
    pub description: String,
    pub quantity: i32,
    pub unit_price: Money,
    /// Minutes per unit.
    pub minutes: i32,
    pub technician_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

pub struct NewLabourLine {
    pub ticket_id: Uuid,
    pub service_item_id: Option<Uuid>,
    pub code: String,
    pub description: String,
    pub quantity: i32,
    pub unit_price: Money,
    pub minutes: i32,
    pub technician_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
}

fn to_line(m: Model) -> Result<LabourLine, StoreError> {
    Ok(LabourLine {
        id: m.id,
        ticket_id: m.ticket_id,
        service_item_id: m.service_item_id,
        code: m.code,
        description: m.description,
        quantity: m.quantity,
        unit_price: money(m.unit_price_minor, &m.currency)?,
        minutes: m.minutes,
        technician_id: m.technician_id,
        created_by: m.created_by,
        created_at: m.created_at,
    })
}

pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewLabourLine,
    now: DateTime<Utc>,
) -> Result<LabourLine, StoreError> {
    let model = ActiveModel {
        id: Set(Uuid::now_v7()),
        ticket_id: Set(new.ticket_id),
        service_item_id: Set(new.service_item_id),
        code: Set(new.code),
        description: Set(new.description),
        quantity: Set(new.quantity),
        unit_price_minor: Set(new.unit_price.minor()),
        currency: Set(new.unit_price.currency().code().to_owned()),
        minutes: Set(new.minutes),
        technician_id: Set(new.technician_id),
        created_by: Set(new.created_by),
        created_at: Set(now),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from(e).explain_conflict("the ticket or the service item no longer exists"))?;
    to_line(model)
}

/// The ticket's lines, oldest first (ids are UUIDv7).
pub async fn of_ticket(db: &impl ConnectionTrait, ticket_id: Uuid) -> Result<Vec<LabourLine>, StoreError> {
    let rows = Entity::find().filter(Column::TicketId.eq(ticket_id)).order_by_asc(Column::Id).all(db).await?;
    rows.into_iter().map(to_line).collect()
}

/// One line of the ticket; "not found" for a line of another ticket.
pub async fn find(db: &impl ConnectionTrait, ticket_id: Uuid, line_id: Uuid) -> Result<LabourLine, StoreError> {
    Entity::find_by_id(line_id)
        .filter(Column::TicketId.eq(ticket_id))
        .one(db)
        .await?
        .map(to_line)
        .ok_or(StoreError::NotFound)?
}

pub async fn delete(db: &impl ConnectionTrait, line_id: Uuid) -> Result<(), StoreError> {
    Entity::delete_by_id(line_id).exec(db).await?;
    Ok(())
}

/// How many labour lines the ticket has.
pub async fn count(db: &impl ConnectionTrait, ticket_id: Uuid) -> Result<u32, StoreError> {
    let n = Entity::find().filter(Column::TicketId.eq(ticket_id)).count(db).await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// How many labour lines were taken from the service item.
pub async fn count_of_item(db: &impl ConnectionTrait, service_item_id: Uuid) -> Result<u64, StoreError> {
    Ok(Entity::find().filter(Column::ServiceItemId.eq(service_item_id)).count(db).await?)
}

/// The ticket's labour lines as billed: quantity and unit price of each.
pub async fn billed_lines(
    db: &impl ConnectionTrait,
    ticket_id: Uuid,
) -> Result<Vec<aftersales_domain::tickets::callback::BilledLine>, StoreError> {
    let rows = Entity::find().filter(Column::TicketId.eq(ticket_id)).all(db).await?;
    rows.into_iter()
        .map(|r| {
            Ok(aftersales_domain::tickets::callback::BilledLine {
                quantity: r.quantity,
                unit_price: money(r.unit_price_minor, &r.currency)?,
            })
        })
        .collect()
}
