//! Return-to-vendor shipments: old parts of one brand, handed in to one
//! defective-parts warehouse, going back to the manufacturer. The parts a shipment
//! holds are the `defective_parts` rows pointing at it.
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::stock::rtv::RtvStatus;
use aftersales_domain::stock::ticket_parts::DefectiveStatus;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::branches::branches_in;
use crate::defective_parts::{DefectivePart, to_record as defective_record};
use crate::entities::defective_parts::{Column as D, Entity as DefectiveParts};
use crate::entities::rtv_shipments::{ActiveModel, Column, Entity, Model};
use crate::{StoreError, fetch_size};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RtvShipment {
    pub id: Uuid,
    /// `RTV-HN01-2026-000001`
    pub number: String,
    pub branch_id: Uuid,
    pub warehouse_id: Uuid,
    pub brand_id: Uuid,
    pub status: RtvStatus,
    pub note: Option<String>,
    pub ship_reference: Option<String>,
    pub ack_reference: Option<String>,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub shipped_by: Option<Uuid>,
    pub shipped_at: Option<DateTime<Utc>>,
    pub acknowledged_by: Option<Uuid>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
    /// The old parts in it, in id order.
    pub parts: Vec<DefectivePart>,
}

pub struct NewRtvShipment {
    pub number: String,
    pub branch_id: Uuid,
    pub warehouse_id: Uuid,
    pub brand_id: Uuid,
    pub note: Option<String>,
    pub created_by: Uuid,
    /// Checked by the caller (`rtv::may_batch`) and locked in this transaction.
    pub part_ids: Vec<Uuid>,
}

/// A step of a shipment: shipped or acknowledged, by whom, with which reference.
pub struct RtvStep {
    pub status: RtvStatus,
    pub by: Uuid,
    pub reference: Option<String>,
    /// What its parts become, and the reason written on each.
    pub parts_become: DefectiveStatus,
    pub close_reason: Option<String>,
}

fn to_record(m: Model, parts: Vec<DefectivePart>) -> Result<RtvShipment, StoreError> {
    Ok(RtvShipment {
        status: RtvStatus::parse(&m.status)
            .ok_or_else(|| StoreError::Corrupt(format!("return-to-vendor status `{}`", m.status)))?,
        id: m.id,
        number: m.number,
        branch_id: m.branch_id,
        warehouse_id: m.warehouse_id,
        brand_id: m.brand_id,
        note: m.note,
        ship_reference: m.ship_reference,
        ack_reference: m.ack_reference,
        created_by: m.created_by,
        created_at: m.created_at,
        shipped_by: m.shipped_by,
        shipped_at: m.shipped_at,
        acknowledged_by: m.acknowledged_by,
        acknowledged_at: m.acknowledged_at,
        updated_at: m.updated_at,
        version: m.version,
        parts,
    })
}

async fn parts_of(db: &impl ConnectionTrait, shipment_id: Uuid) -> Result<Vec<DefectivePart>, StoreError> {
    let rows = DefectiveParts::find().filter(D::RtvShipmentId.eq(shipment_id)).order_by_asc(D::Id).all(db).await?;
    rows.into_iter().map(defective_record).collect()
}

/// Stores the shipment and puts the parts in it. A part another shipment took
/// meanwhile makes the whole insert fail (`StaleVersion`), so nothing is half-packed.
pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewRtvShipment,
    now: DateTime<Utc>,
) -> Result<RtvShipment, StoreError> {
    let id = Uuid::now_v7();
    ActiveModel {
        id: Set(id),
        number: Set(new.number),
        branch_id: Set(new.branch_id),
        warehouse_id: Set(new.warehouse_id),
        brand_id: Set(new.brand_id),
        status: Set(RtvStatus::Draft.as_str().into()),
        note: Set(new.note),
        ship_reference: Set(None),
        ack_reference: Set(None),
        created_by: Set(new.created_by),
        created_at: Set(now),
        shipped_by: Set(None),
        shipped_at: Set(None),
        acknowledged_by: Set(None),
        acknowledged_at: Set(None),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await?;
    let wanted = new.part_ids.len() as u64;
    let packed = DefectiveParts::update_many()
        .col_expr(D::RtvShipmentId, Expr::value(id))
        .col_expr(D::UpdatedAt, Expr::value(now))
        .col_expr(D::Version, Expr::col(D::Version).add(1))
        .filter(D::Id.is_in(new.part_ids))
        .filter(D::RtvShipmentId.is_null())
        .filter(D::Status.eq(DefectiveStatus::Received.as_str()))
        .exec(db)
        .await?;
    if packed.rows_affected != wanted {
        return Err(StoreError::StaleVersion);
    }
    find(db, id).await
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<RtvShipment, StoreError> {
    let row = Entity::find_by_id(id).one(db).await?.ok_or(StoreError::NotFound)?;
    to_record(row, parts_of(db, id).await?)
}

/// A shipment of a branch within the scope; `lock` holds it for the transaction.
pub async fn find_in_scope(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    id: Uuid,
    lock: bool,
) -> Result<RtvShipment, StoreError> {
    let mut query = Entity::find_by_id(id).filter(Column::BranchId.in_subquery(branches_in(scope)));
    if lock {
        query = query.lock_exclusive();
    }
    let row = query.one(db).await?.ok_or(StoreError::NotFound)?;
    to_record(row, parts_of(db, id).await?)
}

/// Moves the shipment and its parts one step, if the shipment is still the
/// version the caller read (`StaleVersion` otherwise).
pub async fn step(
    db: &impl ConnectionTrait,
    current: &RtvShipment,
    step: RtvStep,
    now: DateTime<Utc>,
) -> Result<RtvShipment, StoreError> {
    let mut update = Entity::update_many()
        .col_expr(Column::Status, Expr::value(step.status.as_str()))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1));
    update = match step.status {
        RtvStatus::Shipped => update
            .col_expr(Column::ShippedBy, Expr::value(step.by))
            .col_expr(Column::ShippedAt, Expr::value(now))
            .col_expr(Column::ShipReference, Expr::value(step.reference)),
        RtvStatus::Acknowledged => update
            .col_expr(Column::AcknowledgedBy, Expr::value(step.by))
            .col_expr(Column::AcknowledgedAt, Expr::value(now))
            .col_expr(Column::AckReference, Expr::value(step.reference)),
        RtvStatus::Draft => update,
    };
    let result = update.filter(Column::Id.eq(current.id)).filter(Column::Version.eq(current.version)).exec(db).await?;
    if result.rows_affected == 0 {
        return Err(StoreError::StaleVersion);
    }
    let mut parts = DefectiveParts::update_many()
        .col_expr(D::Status, Expr::value(step.parts_become.as_str()))
        .col_expr(D::UpdatedAt, Expr::value(now))
        .col_expr(D::Version, Expr::col(D::Version).add(1));
    if let Some(reason) = step.close_reason {
        parts = parts.col_expr(D::ClosedAt, Expr::value(now)).col_expr(D::CloseReason, Expr::value(reason));
    }
    parts.filter(D::RtvShipmentId.eq(current.id)).exec(db).await?;
    find(db, current.id).await
}

#[derive(Debug, Clone, Default)]
pub struct RtvFilter {
    pub status: Option<RtvStatus>,
    pub brand_id: Option<Uuid>,
    pub warehouse_id: Option<Uuid>,
    /// Keyset cursor: the id of the last shipment of the previous page (newest first).
    pub before_id: Option<Uuid>,
    pub limit: u32,
}

/// Shipments of branches within the scope, newest first, without their parts.
pub async fn list(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    f: RtvFilter,
) -> Result<Vec<RtvShipment>, StoreError> {
    let mut query = Entity::find().filter(Column::BranchId.in_subquery(branches_in(scope)));
    if let Some(status) = f.status {
        query = query.filter(Column::Status.eq(status.as_str()));
    }
    if let Some(brand) = f.brand_id {
        query = query.filter(Column::BrandId.eq(brand));
    }
    if let Some(warehouse) = f.warehouse_id {
        query = query.filter(Column::WarehouseId.eq(warehouse));
    }
    if let Some(before) = f.before_id {
        query = query.filter(Column::Id.lt(before));
    }
    let rows = query.order_by_desc(Column::Id).limit(fetch_size(f.limit)).all(db).await?;
    rows.into_iter().map(|r| to_record(r, Vec::new())).collect()
}
