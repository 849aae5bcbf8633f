//! The callback work list: the earliest due first.
use aftersales_api_types::Page;
use aftersales_api_types::followups::{CallbackDto, CallbackQuery};
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::callbacks::{self, CallbackFilter};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Concerns, callback_out, names_of};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;
use crate::use_cases::tickets::convert::ToDomain;

/// Callback tasks of tickets in the caller's part of the network; `overdue`
/// lists the pending ones past their due time.
pub async fn list(
    db: &DatabaseConnection,
    me: &Principal,
    query: CallbackQuery,
) -> Result<Page<CallbackDto>, ApiError> {
    let now = Utc::now();
    let limit = pagination::limit(query.limit);
    let filter = CallbackFilter {
        status: query.status.to_domain(),
        overdue: query.overdue,
        branch_id: query.branch_id,
        done_by: query.done_by,
        after: decode(query.cursor.as_deref())?,
        limit,
    };
    let rows = callbacks::list(db, &me.scope, filter, now).await?;
    let concerns: Vec<Concerns> = rows
        .iter()
        .map(|r| Concerns { ticket_id: r.callback.ticket_id, technician_id: None, settled_by: r.callback.done_by })
        .collect();
    let names = names_of(db, &concerns).await?;
    let items: Vec<_> = rows
        .iter()
        .zip(names)
        .map(|(r, names)| {
            let out = CallbackDto { names, ..callback_out(&r.callback, &r.ticket_number, r.branch_id, now) };
            (out, r.callback.due_at)
        })
        .collect();
    Ok(pagination::page(items, limit, |(c, due)| format!("{}|{}", due.to_rfc3339(), c.id), |(c, _)| c.clone()))
}

/// The cursor is the due time and id of the last task of the previous page.
fn decode(cursor: Option<&str>) -> Result<Option<(DateTime<Utc>, Uuid)>, ApiError> {
    let invalid = || ApiError::field("cursor", "invalid_cursor", "is not a cursor this API gave out");
    let Some(raw) = pagination::decode_cursor(cursor)? else { return Ok(None) };
    let (due, id) = raw.split_once('|').ok_or_else(invalid)?;
    let due = DateTime::parse_from_rfc3339(due).map_err(|_| invalid())?.with_timezone(&Utc);
    Ok(Some((due, Uuid::parse_str(id).map_err(|_| invalid())?)))
}
