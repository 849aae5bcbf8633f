//! Complaints about a ticket's service, each with its own resolution. Rules in
//! `aftersales_domain::tickets::complaint`.
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::tickets::complaint::{ComplaintCategory, ComplaintStatus};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use uuid::Uuid;

use crate::branches::branches_in;
use crate::entities::complaints::{ActiveModel, Column, Entity, Model};
use crate::versioned::{Expect, update_if_unchanged};
use crate::{StoreError, fetch_size};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Complaint {
    pub id: Uuid,
    pub ticket_id: Uuid,
    pub branch_id: Uuid,
    pub technician_id: Option<Uuid>,
    pub category: ComplaintCategory,
    pub description: String,
    pub status: ComplaintStatus,
    pub resolution: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub resolved_by: Option<Uuid>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

pub struct NewComplaint {
    pub ticket_id: Uuid,
    pub branch_id: Uuid,
    pub technician_id: Option<Uuid>,
    pub category: ComplaintCategory,
    pub description: String,
    pub created_by: Option<Uuid>,
}

fn to_record(m: Model) -> Result<Complaint, StoreError> {
    let corrupt = |what: &str, value: &str| StoreError::Corrupt(format!("complaint {what} `{value}`"));
    Ok(Complaint {
        category: ComplaintCategory::parse(&m.category).ok_or_else(|| corrupt("category", &m.category))?,
        status: ComplaintStatus::parse(&m.status).ok_or_else(|| corrupt("status", &m.status))?,
        id: m.id,
        ticket_id: m.ticket_id,
        branch_id: m.branch_id,
        technician_id: m.technician_id,
        description: m.description,
        resolution: m.resolution,
        created_by: m.created_by,
        created_at: m.created_at,
        resolved_by: m.resolved_by,
        resolved_at: m.resolved_at,
        updated_at: m.updated_at,
        version: m.version,
    })
}

pub async fn insert(db: &impl ConnectionTrait, new: NewComplaint, now: DateTime<Utc>) -> Result<Complaint, StoreError> {
    let row = ActiveModel {
        id: Set(Uuid::now_v7()),
        ticket_id: Set(new.ticket_id),
        branch_id: Set(new.branch_id),
        technician_id: Set(new.technician_id),
        category: Set(new.category.as_str().into()),
        description: Set(new.description),
        status: Set(ComplaintStatus::Open.as_str().into()),
        resolution: Set(None),
        created_by: Set(new.created_by),
        created_at: Set(now),
        resolved_by: Set(None),
        resolved_at: Set(None),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await?;
    to_record(row)
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Complaint, StoreError> {
    Entity::find_by_id(id).one(db).await?.map(to_record).transpose()?.ok_or(StoreError::NotFound)
}

/// A complaint of a branch within the scope; `NotFound` otherwise.
pub async fn find_in_scope(db: &impl ConnectionTrait, scope: &BranchScope, id: Uuid) -> Result<Complaint, StoreError> {
    let complaint = find(db, id).await?;
    let path = crate::branches::path_of(db, complaint.branch_id).await?;
    if scope.covers(&path) { Ok(complaint) } else { Err(StoreError::NotFound) }
}

/// Closes the complaint as `status` with its resolution, if nobody changed it
/// since `read.version` and the client, when it sent `If-Match`, saw that version.
pub async fn resolve(
    db: &impl ConnectionTrait,
    read: &Complaint,
    client_version: Option<i64>,
    status: ComplaintStatus,
    resolution: String,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<Complaint, StoreError> {
    let changes = ActiveModel {
        status: Set(status.as_str().into()),
        resolution: Set(Some(resolution)),
        resolved_by: Set(Some(by)),
        resolved_at: Set(Some(now)),
        updated_at: Set(now),
        version: Set(read.version + 1),
        ..Default::default()
    };
    update_if_unchanged(
        db,
        changes,
        Expect { id: (Column::Id, read.id), version: (Column::Version, read.version), client_version },
    )
    .await?;
    find(db, read.id).await
}

/// Open complaints of a ticket: the `complaints_resolved` guard wants none.
pub async fn open_count(db: &impl ConnectionTrait, ticket_id: Uuid) -> Result<u32, StoreError> {
    let n = Entity::find()
        .filter(Column::TicketId.eq(ticket_id))
        .filter(Column::Status.eq(ComplaintStatus::Open.as_str()))
        .count(db)
        .await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

#[derive(Debug, Clone, Default)]
pub struct ComplaintFilter {
    pub status: Option<ComplaintStatus>,
    /// Only this branch (within the scope).
    pub branch_id: Option<Uuid>,
    pub technician_id: Option<Uuid>,
    pub ticket_id: Option<Uuid>,
    /// Keyset cursor: the id of the last complaint of the previous page.
    pub after_id: Option<Uuid>,
    pub limit: u32,
}

/// Complaints of branches within the scope, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    f: ComplaintFilter,
) -> Result<Vec<Complaint>, StoreError> {
    let mut query = Entity::find().filter(Column::BranchId.in_subquery(branches_in(scope)));
    if let Some(status) = f.status {
        query = query.filter(Column::Status.eq(status.as_str()));
    }
    for (column, value) in
        [(Column::BranchId, f.branch_id), (Column::TechnicianId, f.technician_id), (Column::TicketId, f.ticket_id)]
    {
        if let Some(value) = value {
            query = query.filter(column.eq(value));
        }
    }
    if let Some(id) = f.after_id {
        query = query.filter(Column::Id.lt(id));
    }
    let rows = query.order_by_desc(Column::Id).limit(fetch_size(f.limit)).all(db).await?;
    rows.into_iter().map(to_record).collect()
}
