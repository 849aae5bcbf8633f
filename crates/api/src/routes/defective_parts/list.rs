use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::defective_parts::{DefectivePartDto, DefectivePartQuery};
use aftersales_persistence::defective_parts::{self, DefectiveFilter};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;
use crate::use_cases::tickets::parts::wire::{defective_out, status_in};

/// Old parts of tickets in your part of the network, the earliest due first.
///
/// `overdue=true` lists those still owed past their due time; `technician_id` those
/// one technician owes.
#[utoipa::path(
    get, path = "/api/v1/defective-parts", tag = "stock", operation_id = "list_defective_parts",
    security(("bearer" = [])),
    params(DefectivePartQuery),
    responses((status = 200, description = "One page of old parts", body = Page<DefectivePartDto>))
)]
#[get("/api/v1/defective-parts")]
pub async fn list_defective_parts(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<DefectivePartQuery>,
) -> Result<HttpResponse, ApiError> {
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
    let rows = defective_parts::list(&state.db, &me.scope, filter, now).await?;
    let page = pagination::page(
        rows,
        limit,
        |r| format!("{}|{}", r.part.due_at.to_rfc3339(), r.part.id),
        |r| defective_out(&r.part, &r.ticket_number, now),
    );
    Ok(HttpResponse::Ok().json(page))
}

/// The cursor is the due time and id of the last part of the previous page.
fn decode(cursor: Option<&str>) -> Result<Option<(DateTime<Utc>, Uuid)>, ApiError> {
    let invalid = || ApiError::field("cursor", "invalid_cursor", "is not a cursor this API gave out");
    let Some(raw) = pagination::decode_cursor(cursor)? else { return Ok(None) };
    let (due, id) = raw.split_once('|').ok_or_else(invalid)?;
    let due = DateTime::parse_from_rfc3339(due).map_err(|_| invalid())?.with_timezone(&Utc);
    Ok(Some((due, Uuid::parse_str(id).map_err(|_| invalid())?)))
}
