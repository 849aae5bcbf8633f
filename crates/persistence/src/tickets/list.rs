//! Finding tickets: every filter of the ticket list, scoped to the caller's branches.
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::tickets::{StageCategory, TicketKind, WarrantyStatus};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::record::{Ticket, to_record};
use crate::branches::branches_in;
use crate::entities::tickets::{Column, Entity};
use crate::{StoreError, fetch_size};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TicketOrder {
    #[default]
    NewestFirst,
    OldestFirst,
}

#[derive(Debug, Clone, Default)]
pub struct TicketFilter {
    pub kind: Option<TicketKind>,
    pub stage: Option<String>,
    pub stage_category: Option<StageCategory>,
    /// Only this branch (within the scope).
    pub branch_id: Option<Uuid>,
    pub technician_id: Option<Uuid>,
    /// Only tickets nobody is assigned to.
    pub unassigned: bool,
    pub customer_id: Option<Uuid>,
    pub serial_id: Option<Uuid>,
    pub warranty_status: Option<WarrantyStatus>,
    pub created_from: Option<DateTime<Utc>>,
    pub created_to: Option<DateTime<Utc>>,
    pub appointment_from: Option<DateTime<Utc>>,
    pub appointment_to: Option<DateTime<Utc>>,
    pub repeat_repair: Option<bool>,
    pub contradiction: Option<bool>,
    /// Number, customer name or phone, serial — however typed — or the exact
    /// external reference.
    pub q: Option<String>,
    /// Only tickets with exactly this external reference (a partner's order number).
    pub external_reference: Option<String>,
    /// A partner's key sees these tickets instead of the branches of the scope.
    pub partner: Option<super::PartnerSight>,
    pub order: TicketOrder,
    /// Also tickets assigned to this technician, wherever they are.
    pub assigned_to: Option<Uuid>,
    /// Keyset cursor: the id of the last ticket of the previous page.
    pub after_id: Option<Uuid>,
    pub limit: u32,
}

/// Tickets nobody is assigned to: `(technician_id IS NULL) = TRUE`.
///
/// The same rows as `technician_id IS NULL`, in words SQLite cannot answer from the
/// technician index. Its statistics keep the mean number of tickets per technician
/// (3,600 of 150,000), so the unassigned looked as few as one technician's and it
/// read them through that index row by row: 50,000 after a week of intake, 60 ms
/// for the dashboard's count, which the index of open tickets answers in 4.
pub(crate) fn unassigned() -> sea_orm::sea_query::SimpleExpr {
    sea_orm::sea_query::Expr::cust("(tickets.technician_id IS NULL) = TRUE")
}

pub async fn list(db: &impl ConnectionTrait, scope: &BranchScope, f: TicketFilter) -> Result<Vec<Ticket>, StoreError> {
    let visible = match &f.partner {
        Some(sight) => sight.condition(),
        None => {
            let mut visible = Condition::any().add(Column::BranchId.in_subquery(branches_in(scope)));
            if let Some(me) = f.assigned_to {
                visible = visible.add(Column::TechnicianId.eq(me));
            }
            visible
        }
    };
    let mut query = Entity::find().filter(visible);
    let eq_filters = [
        (Column::Kind, f.kind.map(|k| k.as_str().to_owned())),
        (Column::Stage, f.stage),
        (Column::StageCategory, f.stage_category.map(|c| c.as_str().to_owned())),
        (Column::WarrantyStatus, f.warranty_status.map(|w| w.as_str().to_owned())),
        (Column::ExternalReference, f.external_reference),
    ];
    for (column, value) in eq_filters {
        if let Some(value) = value {
            query = query.filter(column.eq(value));
        }
    }
    for (column, value) in [
        (Column::BranchId, f.branch_id),
        (Column::TechnicianId, f.technician_id),
        (Column::CustomerId, f.customer_id),
        (Column::SerialId, f.serial_id),
    ] {
        if let Some(value) = value {
            query = query.filter(column.eq(value));
        }
    }
    if f.unassigned {
        query = query.filter(unassigned());
    }
    if let Some(from) = f.created_from {
        query = query.filter(Column::CreatedAt.gte(from));
    }
    if let Some(to) = f.created_to {
        query = query.filter(Column::CreatedAt.lt(to));
    }
    if let Some(from) = f.appointment_from {
        query = query.filter(Column::AppointmentFrom.gte(from));
    }
    if let Some(to) = f.appointment_to {
        query = query.filter(Column::AppointmentFrom.lt(to));
    }
    if let Some(flag) = f.repeat_repair {
        query = query.filter(Column::FlagRepeatRepair.eq(flag));
    }
    if let Some(flag) = f.contradiction {
        query = query.filter(Column::FlagContradiction.eq(flag));
    }
    if let Some(q) = f.q.as_deref()
        && let Some(cond) = super::search::matching(db, q).await?
    {
        query = query.filter(cond);
    }
    query = match (f.order, f.after_id) {
        (TicketOrder::NewestFirst, after) => {
            if let Some(id) = after {
                query = query.filter(Column::Id.lt(id));
            }
            query.order_by_desc(Column::Id)
        }
        (TicketOrder::OldestFirst, after) => {
            if let Some(id) = after {
                query = query.filter(Column::Id.gt(id));
            }
            query.order_by_asc(Column::Id)
        }
    };
    let rows = query.limit(fetch_size(f.limit)).all(db).await?;
    rows.into_iter().map(to_record).collect()
}

/// Is any ticket of this kind, anywhere in the network, in this stage?
pub async fn any_in_stage(db: &impl ConnectionTrait, kind: TicketKind, stage: &str) -> Result<bool, StoreError> {
    let found = Entity::find().filter(Column::Kind.eq(kind.as_str())).filter(Column::Stage.eq(stage)).one(db).await?;
    Ok(found.is_some())
}
