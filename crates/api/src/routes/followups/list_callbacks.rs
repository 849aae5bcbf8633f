use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::followups::{CallbackDto, CallbackQuery};
use aftersales_domain::tickets::callback::CallbackStatus;
use aftersales_persistence::tickets::callbacks::{self, CallbackFilter};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;
use crate::use_cases::followups::callback_out;
use crate::use_cases::tickets::domain_enum;

/// The callback work list: callback tasks of tickets in your part of the network,
/// the earliest due first.
///
/// `overdue=true` lists the pending ones past their due time.
#[utoipa::path(
    get, path = "/api/v1/callbacks", tag = "followups", operation_id = "list_callbacks",
    security(("bearer" = [])),
    params(CallbackQuery),
    responses((status = 200, description = "One page of callback tasks", body = Page<CallbackDto>))
)]
#[get("/api/v1/callbacks")]
pub async fn list_callbacks(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::HandleFollowUps>,
    ValidatedQuery(query): ValidatedQuery<CallbackQuery>,
) -> Result<HttpResponse, ApiError> {
    let now = Utc::now();
    let limit = pagination::limit(query.limit);
    let filter = CallbackFilter {
        status: query.status.as_ref().map(|s| domain_enum(s, CallbackStatus::parse)).transpose()?,
        overdue: query.overdue,
        branch_id: query.branch_id,
        after: decode(query.cursor.as_deref())?,
        limit,
    };
    let rows = callbacks::list(&state.db, &me.scope, filter, now).await?;
    let items = rows
        .iter()
        .map(|r| Ok((callback_out(&r.callback, &r.ticket_number, r.branch_id, now)?, r.callback.due_at)))
        .collect::<Result<Vec<_>, ApiError>>()?;
    let page = pagination::page(items, limit, |(c, due)| format!("{}|{}", due.to_rfc3339(), c.id), |(c, _)| c.clone());
    Ok(HttpResponse::Ok().json(page))
}

/// The cursor is the due time and id of the last task of the previous page.
fn decode(cursor: Option<&str>) -> Result<Option<(DateTime<Utc>, Uuid)>, ApiError> {
    let invalid = || ApiError::field("cursor", "invalid_cursor", "is not a cursor this API gave out");
    let Some(raw) = pagination::decode_cursor(cursor)? else { return Ok(None) };
    let (due, id) = raw.split_once('|').ok_or_else(invalid)?;
    let due = DateTime::parse_from_rfc3339(due).map_err(|_| invalid())?.with_timezone(&Utc);
    Ok(Some((due, Uuid::parse_str(id).map_err(|_| invalid())?)))
}
