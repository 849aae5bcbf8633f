//! Orders from e-commerce platforms, their lines (one sold unit each) and their
//! status history. The rules of the lifecycle are in `aftersales_domain::orders`.
mod returns;

use aftersales_domain::orders::OrderStatus;
use aftersales_domain::organisation::BranchScope;
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

pub use returns::*;

use crate::branches::branches_in;
use crate::entities::{order_events, order_lines, orders};
use crate::versioned::{Expect, update_if_unchanged};
use crate::{StoreError, fetch_size};

/// The message of the conflict when a platform sends an order number twice.
pub const REFERENCE_TAKEN: &str = "the partner already has an order with this number";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub branch_id: Uuid,
    pub external_reference: String,
    pub customer_id: Uuid,
    pub status: OrderStatus,
    pub ordered_on: NaiveDate,
    pub delivered_on: Option<NaiveDate>,
    pub installation_address: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderLine {
    pub id: Uuid,
    pub order_id: Uuid,
    pub line_no: u32,
    pub model_id: Uuid,
    pub serial: Option<String>,
    pub serial_id: Option<Uuid>,
    pub installation_ticket_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderEvent {
    pub from_status: Option<OrderStatus>,
    pub to_status: OrderStatus,
    pub note: Option<String>,
    pub actor_id: Option<Uuid>,
    pub at: DateTime<Utc>,
}

pub struct NewOrder {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub branch_id: Uuid,
    pub external_reference: String,
    pub customer_id: Uuid,
    pub status: OrderStatus,
    pub ordered_on: NaiveDate,
    pub delivered_on: Option<NaiveDate>,
    pub installation_address: Option<String>,
}

pub struct NewLine {
    pub model_id: Uuid,
    pub serial: Option<String>,
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("order {what}"))
}

fn status(s: &str) -> Result<OrderStatus, StoreError> {
    OrderStatus::parse(s).ok_or_else(|| corrupt("status"))
}

fn to_order(m: orders::Model) -> Result<Order, StoreError> {
    Ok(Order {
        status: status(&m.status)?,
        id: m.id,
        partner_id: m.partner_id,
        branch_id: m.branch_id,
        external_reference: m.external_reference,
        customer_id: m.customer_id,
        ordered_on: m.ordered_on,
        delivered_on: m.delivered_on,
        installation_address: m.installation_address,
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    })
}

fn to_line(m: order_lines::Model) -> OrderLine {
    OrderLine {
        id: m.id,
        order_id: m.order_id,
        line_no: u32::try_from(m.line_no).unwrap_or_default(),
        model_id: m.model_id,
        serial: m.serial,
        serial_id: m.serial_id,
        installation_ticket_id: m.installation_ticket_id,
    }
}

/// Stores the order and its lines, numbered from 1 in the order given.
pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewOrder,
    lines: Vec<NewLine>,
    now: DateTime<Utc>,
) -> Result<(Order, Vec<OrderLine>), StoreError> {
    let row = orders::ActiveModel {
        id: Set(new.id),
        partner_id: Set(new.partner_id),
        branch_id: Set(new.branch_id),
        external_reference: Set(new.external_reference),
        customer_id: Set(new.customer_id),
        status: Set(new.status.as_str().to_owned()),
        ordered_on: Set(new.ordered_on),
        delivered_on: Set(new.delivered_on),
        installation_address: Set(new.installation_address),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from_write(e, REFERENCE_TAKEN, "no such partner, branch or customer"))?;
    let order = to_order(row)?;
    let mut stored = Vec::with_capacity(lines.len());
    for (i, line) in lines.into_iter().enumerate() {
        let row = order_lines::ActiveModel {
            id: Set(Uuid::now_v7()),
            order_id: Set(order.id),
            line_no: Set(i32::try_from(i + 1).unwrap_or(i32::MAX)),
            model_id: Set(line.model_id),
            serial: Set(line.serial),
            serial_id: Set(None),
            installation_ticket_id: Set(None),
        }
        .insert(db)
        .await?;
        stored.push(to_line(row));
    }
    Ok((order, stored))
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Order, StoreError> {
    orders::Entity::find_by_id(id).one(db).await?.map(to_order).transpose()?.ok_or(StoreError::NotFound)
}

/// Whose orders a caller sees: a platform's key its own, staff those of their branches.
#[derive(Debug, Clone)]
pub enum OrderSight {
    Partner(Uuid),
    Branches(BranchScope),
}

impl OrderSight {
    fn condition(&self) -> sea_orm::Condition {
        match self {
            OrderSight::Partner(id) => sea_orm::Condition::all().add(orders::Column::PartnerId.eq(*id)),
            OrderSight::Branches(scope) => {
                sea_orm::Condition::all().add(orders::Column::BranchId.in_subquery(branches_in(scope)))
            }
        }
    }
}

/// The order if the caller sees it; `NotFound` otherwise, so existence does not leak.
pub async fn find_seen(db: &impl ConnectionTrait, sight: &OrderSight, id: Uuid) -> Result<Order, StoreError> {
    orders::Entity::find_by_id(id)
        .filter(sight.condition())
        .one(db)
        .await?
        .map(to_order)
        .transpose()?
        .ok_or(StoreError::NotFound)
}

#[derive(Debug, Clone, Default)]
pub struct OrderFilter {
    pub partner_id: Option<Uuid>,
    pub status: Option<OrderStatus>,
    pub external_reference: Option<String>,
    pub customer_id: Option<Uuid>,
    /// Keyset cursor: the last order of the previous page (newest first).
    pub after_id: Option<Uuid>,
    pub limit: u32,
}

/// Orders the caller sees, newest first.
pub async fn list(db: &impl ConnectionTrait, sight: &OrderSight, f: OrderFilter) -> Result<Vec<Order>, StoreError> {
    let mut query = orders::Entity::find().filter(sight.condition());
    if let Some(id) = f.partner_id {
        query = query.filter(orders::Column::PartnerId.eq(id));
    }
    if let Some(status) = f.status {
        query = query.filter(orders::Column::Status.eq(status.as_str()));
    }
    if let Some(reference) = f.external_reference {
        query = query.filter(orders::Column::ExternalReference.eq(reference));
    }
    if let Some(id) = f.customer_id {
        query = query.filter(orders::Column::CustomerId.eq(id));
    }
    if let Some(id) = f.after_id {
        query = query.filter(orders::Column::Id.lt(id));
    }
    let rows = query.order_by_desc(orders::Column::Id).limit(fetch_size(f.limit)).all(db).await?;
    rows.into_iter().map(to_order).collect()
}

/// The names of these partners and of these customers, by id: what a list of
/// orders shows beside them, read in two statements.
pub async fn names(
    db: &impl ConnectionTrait,
    partner_ids: &[Uuid],
    customer_ids: &[Uuid],
) -> Result<(HashMap<Uuid, String>, HashMap<Uuid, String>), StoreError> {
    use crate::entities::{customers, partners};
    let partners: Vec<(Uuid, String)> = partners::Entity::find()
        .select_only()
        .columns([partners::Column::Id, partners::Column::Name])
        .filter(partners::Column::Id.is_in(partner_ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    let customers: Vec<(Uuid, String)> = customers::Entity::find()
        .select_only()
        .columns([customers::Column::Id, customers::Column::Name])
        .filter(customers::Column::Id.is_in(customer_ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    Ok((partners.into_iter().collect(), customers.into_iter().collect()))
}

pub async fn lines_of(db: &impl ConnectionTrait, order_id: Uuid) -> Result<Vec<OrderLine>, StoreError> {
    let rows = order_lines::Entity::find()
        .filter(order_lines::Column::OrderId.eq(order_id))
        .order_by_asc(order_lines::Column::LineNo)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(to_line).collect())
}

/// The line's unit, once registered, and the installation ticket it opened.
pub async fn set_line(
    db: &impl ConnectionTrait,
    line_id: Uuid,
    serial: Option<String>,
    serial_id: Option<Uuid>,
    installation_ticket_id: Option<Uuid>,
) -> Result<(), StoreError> {
    order_lines::ActiveModel {
        id: Set(line_id),
        serial: Set(serial),
        serial_id: Set(serial_id),
        installation_ticket_id: Set(installation_ticket_id),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

/// Moves the order to `to` if it is still at the version read (and the
/// client's, when it said); the delivery date too when given.
pub async fn set_status(
    db: &impl ConnectionTrait,
    current: &Order,
    to: OrderStatus,
    delivered_on: Option<NaiveDate>,
    expected_version: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Order, StoreError> {
    let mut row = orders::ActiveModel { id: Set(current.id), ..Default::default() };
    row.status = Set(to.as_str().to_owned());
    if delivered_on.is_some() {
        row.delivered_on = Set(delivered_on);
    }
    row.updated_at = Set(now);
    row.version = Set(current.version + 1);
    let expect = Expect {
        id: (orders::Column::Id, current.id),
        version: (orders::Column::Version, current.version),
        client_version: expected_version,
    };
    update_if_unchanged(db, row, expect).await?;
    find(db, current.id).await
}

/// A line of the order's history.
pub async fn record_event(
    db: &impl ConnectionTrait,
    order_id: Uuid,
    (from, to): (Option<OrderStatus>, OrderStatus),
    note: Option<String>,
    actor_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    order_events::ActiveModel {
        id: Set(Uuid::now_v7()),
        order_id: Set(order_id),
        from_status: Set(from.map(|s| s.as_str().to_owned())),
        to_status: Set(to.as_str().to_owned()),
        note: Set(note),
        actor_id: Set(actor_id),
        at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The order's history, oldest first.
pub async fn events_of(db: &impl ConnectionTrait, order_id: Uuid) -> Result<Vec<OrderEvent>, StoreError> {
    let rows = order_events::Entity::find()
        .filter(order_events::Column::OrderId.eq(order_id))
        .order_by_asc(order_events::Column::Id)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|m| {
            Ok(OrderEvent {
                from_status: m.from_status.as_deref().map(status).transpose()?,
                to_status: status(&m.to_status)?,
                note: m.note,
                actor_id: m.actor_id,
                at: m.at,
            })
        })
        .collect()
}
