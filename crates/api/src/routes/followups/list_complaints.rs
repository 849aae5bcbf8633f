use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::followups::{ComplaintDto, ComplaintQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::followups::list_complaints::list;

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
    Ok(HttpResponse::Ok().json(list(&state.db, &me, query).await?))
}
