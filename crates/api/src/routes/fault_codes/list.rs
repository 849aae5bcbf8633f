use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::fault_codes::{FaultCodeDto, FaultCodeQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::fault_codes;

/// List codes by code, optionally of one kind and one product category.
#[utoipa::path(
    get, path = "/api/v1/fault-codes", tag = "service-catalogue", operation_id = "list_fault_codes",
    security(("bearer" = [])),
    params(FaultCodeQuery),
    responses((status = 200, description = "One page of codes", body = Page<FaultCodeDto>)),
)]
#[get("/api/v1/fault-codes")]
pub async fn list_fault_codes(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    ValidatedQuery(query): ValidatedQuery<FaultCodeQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(fault_codes::list::list(&state.db, &me, query).await?))
}
