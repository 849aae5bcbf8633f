//! Parts on a ticket: one line per part and warehouse it comes from, with what was
//! promised, issued, used and returned. A line is locked for the rest of the
//! transaction while it changes (PostgreSQL `FOR UPDATE`), before the stock
//! balance it moves, so that two people acting on the same line take turns.
use crate::money::money;
use aftersales_domain::money::Money;
use aftersales_domain::stock::charging::ChargeTo;
use aftersales_domain::stock::ticket_parts::PartCounts;
/// The line is the domain's write model; storage loads and saves it.
pub use aftersales_domain::stock::ticket_parts::TicketPart;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::ticket_parts::{ActiveModel, Column, Entity, Model};

/// What a new line starts with.
#[derive(Debug, Clone)]
pub struct Opening {
    pub ticket_id: Uuid,
    pub part_id: Uuid,
    pub warehouse_id: Uuid,
    pub charge_to: ChargeTo,
    pub unit_price: Money,
}

fn to_line(m: Model) -> Result<TicketPart, StoreError> {
    Ok(TicketPart {
        charge_to: ChargeTo::parse(&m.charge_to)
            .ok_or_else(|| StoreError::Corrupt(format!("ticket part charged to `{}`", m.charge_to)))?,
        id: m.id.into(),
        ticket_id: m.ticket_id.into(),
        part_id: m.part_id.into(),
        warehouse_id: m.warehouse_id.into(),
        counts: PartCounts {
            reserved: m.reserved,
            issued: m.issued,
            used: m.used,
            returned_unused: m.returned_unused,
            defective_returned: m.defective_returned,
        },
        issued_value_minor: m.issued_value_minor,
        unit_price: money(m.unit_price_minor, &m.currency)?,
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    })
}

/// The line of the ticket for the part from the warehouse, created empty if
/// missing, and locked for the rest of the transaction.
pub async fn locked_line(
    db: &impl ConnectionTrait,
    new: Opening,
    now: DateTime<Utc>,
) -> Result<TicketPart, StoreError> {
    let (ticket_id, part_id, warehouse_id) = (new.ticket_id, new.part_id, new.warehouse_id);
    let row = ActiveModel {
        id: Set(Uuid::now_v7()),
        ticket_id: Set(ticket_id),
        part_id: Set(part_id),
        warehouse_id: Set(warehouse_id),
        reserved: Set(0),
        issued: Set(0),
        used: Set(0),
        returned_unused: Set(0),
        defective_returned: Set(0),
        issued_value_minor: Set(0),
        charge_to: Set(new.charge_to.as_str().to_owned()),
        unit_price_minor: Set(new.unit_price.minor()),
        currency: Set(new.unit_price.currency().code().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    };
    Entity::insert(row)
        .on_conflict(
            OnConflict::columns([Column::TicketId, Column::PartId, Column::WarehouseId]).do_nothing().to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    let row = Entity::find()
        .filter(Column::TicketId.eq(ticket_id))
        .filter(Column::PartId.eq(part_id))
        .filter(Column::WarehouseId.eq(warehouse_id))
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or_else(|| StoreError::Corrupt("ticket part line vanished".into()))?;
    to_line(row)
}

/// An existing line, locked for the rest of the transaction.
pub async fn lock(db: &impl ConnectionTrait, id: Uuid) -> Result<TicketPart, StoreError> {
    Entity::find_by_id(id).lock_exclusive().one(db).await?.map(to_line).transpose()?.ok_or(StoreError::NotFound)
}

/// Writes the line's counts, value and payer (the line is locked by the caller).
pub async fn update(
    db: &impl ConnectionTrait,
    line: &TicketPart,
    now: DateTime<Utc>,
) -> Result<TicketPart, StoreError> {
    let c = line.counts;
    Entity::update_many()
        .col_expr(Column::Reserved, Expr::value(c.reserved))
        .col_expr(Column::Issued, Expr::value(c.issued))
        .col_expr(Column::Used, Expr::value(c.used))
        .col_expr(Column::ReturnedUnused, Expr::value(c.returned_unused))
        .col_expr(Column::DefectiveReturned, Expr::value(c.defective_returned))
        .col_expr(Column::IssuedValueMinor, Expr::value(line.issued_value_minor))
        .col_expr(Column::ChargeTo, Expr::value(line.charge_to.as_str()))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .filter(Column::Id.eq(line.id.uuid()))
        .exec(db)
        .await?;
    Entity::find_by_id(line.id).one(db).await?.map(to_line).transpose()?.ok_or(StoreError::NotFound)
}

/// The ticket's lines, oldest first (ids are UUIDv7).
pub async fn of_ticket(db: &impl ConnectionTrait, ticket_id: Uuid) -> Result<Vec<TicketPart>, StoreError> {
    let rows = Entity::find().filter(Column::TicketId.eq(ticket_id)).order_by_asc(Column::Id).all(db).await?;
    rows.into_iter().map(to_line).collect()
}

/// The ticket's lines of one part (one per warehouse it came from).
pub async fn of_part(db: &impl ConnectionTrait, ticket_id: Uuid, part_id: Uuid) -> Result<Vec<TicketPart>, StoreError> {
    let rows = Entity::find()
        .filter(Column::TicketId.eq(ticket_id))
        .filter(Column::PartId.eq(part_id))
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    rows.into_iter().map(to_line).collect()
}
