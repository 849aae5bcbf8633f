use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::followups::{ComplaintDto, ComplaintQuery};
use aftersales_domain::tickets::complaint::ComplaintStatus;
use aftersales_persistence::tickets::complaints::{self, ComplaintFilter};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;
use crate::use_cases::followups::complaint_out;
use crate::use_cases::tickets::domain_enum;

/// Complaints of your part of the network, newest first.
#[utoipa::path(
    get, path = "/api/v1/complaints", tag = "followups", operation_id = "list_complaints",
    security(("bearer" = [])),
    params(ComplaintQuery),
    responses((status = 200, description = "One page of complaints", body = Page<ComplaintDto>))
)]
#[get("/api/v1/complaints")]
pub async fn list_complaints(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::HandleFollowUps>,
    ValidatedQuery(query): ValidatedQuery<ComplaintQuery>,
) -> Result<HttpResponse, ApiError> {
    let limit = pagination::limit(query.limit);
    let filter = ComplaintFilter {
        status: query.status.as_ref().map(|s| domain_enum(s, ComplaintStatus::parse)).transpose()?,
        branch_id: query.branch_id,
        technician_id: query.technician_id,
        ticket_id: query.ticket_id,
        after_id: pagination::decode_id_cursor(query.cursor.as_deref())?,
        limit,
    };
    let rows = complaints::list(&state.db, &me.scope, filter).await?;
    let items = rows.iter().map(complaint_out).collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Ok().json(pagination::page(items, limit, |c| c.id.to_string(), Clone::clone)))
}
