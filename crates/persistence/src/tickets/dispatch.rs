//! What dispatch and the dispatch board read: a technician's jobs in a span of
//! time, and a branch's tickets nobody is assigned to.
use aftersales_domain::tickets::StageCategory;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::record::{Ticket, to_record};
use crate::StoreError;
use crate::entities::tickets::{Column, Entity};

/// The wire names of `categories`, for `IN (…)`.
pub(crate) fn names(categories: &[StageCategory]) -> Vec<&'static str> {
    categories.iter().map(|c| c.as_str()).collect()
}

/// How many tickets that are not closed have `technician_id` and an appointment
/// starting in `[from, to)`, leaving out `except`.
pub async fn jobs_between(
    db: &impl ConnectionTrait,
    technician_id: Uuid,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    except: Uuid,
) -> Result<u64, StoreError> {
    Ok(Entity::find()
        .filter(Column::TechnicianId.eq(technician_id))
        .filter(Column::AppointmentFrom.gte(from))
        .filter(Column::AppointmentFrom.lt(to))
        .filter(Column::StageCategory.ne(StageCategory::Closed.as_str()))
        .filter(Column::Id.ne(except))
        .count(db)
        .await?)
}

/// The tickets that are not closed, assigned to any of `technician_ids`, with an
/// appointment starting in `[from, to)`, by appointment.
pub async fn assigned_between(
    db: &impl ConnectionTrait,
    technician_ids: &[Uuid],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Ticket>, StoreError> {
    if technician_ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = Entity::find()
        .filter(Column::TechnicianId.is_in(technician_ids.iter().copied()))
        .filter(Column::AppointmentFrom.gte(from))
        .filter(Column::AppointmentFrom.lt(to))
        .filter(Column::StageCategory.ne(StageCategory::Closed.as_str()))
        .order_by_asc(Column::AppointmentFrom)
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    rows.into_iter().map(to_record).collect()
}

/// A branch's unfinished tickets with no technician, oldest first, at most
/// `limit` of them, and how many there are in all.
pub async fn unassigned_of_branch(
    db: &impl ConnectionTrait,
    branch_id: Uuid,
    limit: u64,
) -> Result<(Vec<Ticket>, u64), StoreError> {
    let query = Entity::find()
        .filter(Column::BranchId.eq(branch_id))
        .filter(super::list::unassigned())
        .filter(Column::StageCategory.is_in(names(&StageCategory::TO_BE_WORKED_ON)));
    let total = query.clone().count(db).await?;
    let rows = query.order_by_asc(Column::CreatedAt).order_by_asc(Column::Id).limit(limit).all(db).await?;
    Ok((rows.into_iter().map(to_record).collect::<Result<_, _>>()?, total))
}
