//! Who owned a unit when: one row per owner, the current one open-ended.
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::serial_owners::{ActiveModel, Column, Entity, Model};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ownership {
    pub id: Uuid,
    pub serial_id: Uuid,
    pub customer_id: Uuid,
    pub from_date: NaiveDate,
    /// The day the next owner took over; `None` for the current owner.
    pub to_date: Option<NaiveDate>,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
    pub created_by: Option<Uuid>,
}

pub struct NewOwnership {
    pub serial_id: Uuid,
    pub customer_id: Uuid,
    pub from_date: NaiveDate,
    pub note: Option<String>,
    pub created_by: Option<Uuid>,
}

fn to_domain(m: Model) -> Ownership {
    Ownership {
        id: m.id,
        serial_id: m.serial_id,
        customer_id: m.customer_id,
        from_date: m.from_date,
        to_date: m.to_date,
        note: m.note,
        created_at: m.created_at,
        created_by: m.created_by,
    }
}

/// The unit's owners, oldest first.
pub async fn of_unit(db: &impl ConnectionTrait, serial_id: Uuid) -> Result<Vec<Ownership>, StoreError> {
    let rows = Entity::find()
        .filter(Column::SerialId.eq(serial_id))
        .order_by_asc(Column::FromDate)
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(to_domain).collect())
}

/// Closes the current owner's row on `new.from_date` and opens one for the new owner.
pub async fn hand_over(
    db: &impl ConnectionTrait,
    new: NewOwnership,
    now: DateTime<Utc>,
) -> Result<Ownership, StoreError> {
    Entity::update_many()
        .col_expr(Column::ToDate, Expr::value(new.from_date))
        .filter(Column::SerialId.eq(new.serial_id))
        .filter(Column::ToDate.is_null())
        .exec(db)
        .await?;
    let row = ActiveModel {
        id: Set(Uuid::now_v7()),
        serial_id: Set(new.serial_id),
        customer_id: Set(new.customer_id),
        from_date: Set(new.from_date),
        to_date: Set(None),
        note: Set(new.note),
        created_at: Set(now),
        created_by: Set(new.created_by),
    }
    .insert(db)
    .await
    .map_err(|e| {
        StoreError::from_write(e, "this owner row exists already", "the unit or the customer no longer exists")
    })?;
    Ok(to_domain(row))
}
