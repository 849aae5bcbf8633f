//! The old parts of tickets in the caller's part of the network.
use aftersales_api_types::Page;
use aftersales_api_types::defective_parts::{DefectivePartDto, DefectivePartQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::defective_parts::{self, DefectiveFilter};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Names, status_in};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;

/// One page, the earliest due first: those still owed past their due time with
/// `overdue`, those one technician owes with `technician_id`.
pub async fn list(
    db: &DatabaseConnection,
    me: &Principal,
    query: DefectivePartQuery,
) -> Result<Page<DefectivePartDto>, ApiError> {
    me.require(Permission::ViewStock)?;
    let now = Utc::now();
    let limit = pagination::limit(query.limit);
    let filter = DefectiveFilter {
        status: query.status.map(status_in),
        technician_id: query.technician_id,
        overdue: query.overdue,
        branch_id: query.branch_id,
        after: decode(query.cursor.as_deref())?,
        limit,
    };
    let rows = defective_parts::list(db, &me.scope, filter, now).await?;
    let names = Names::of(db, rows.iter().map(|r| &r.part)).await?;
    Ok(pagination::page(
        rows,
        limit,
        |r| format!("{}|{}", r.part.due_at.to_rfc3339(), r.part.id),
        |r| names.out(&r.part, now),
    ))
}

/// The cursor is the due time and id of the last part of the previous page.
fn decode(cursor: Option<&str>) -> Result<Option<(DateTime<Utc>, Uuid)>, ApiError> {
    let invalid = || ApiError::field("cursor", "invalid_cursor", "is not a cursor this API gave out");
    let Some(raw) = pagination::decode_cursor(cursor)? else { return Ok(None) };
    let (due, id) = raw.split_once('|').ok_or_else(invalid)?;
    let due = DateTime::parse_from_rfc3339(due).map_err(|_| invalid())?.with_timezone(&Utc);
    Ok(Some((due, Uuid::parse_str(id).map_err(|_| invalid())?)))
}
