use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::serial_records::ContractDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::serials::list_contracts::list_contracts;

/// The contracts bought for a unit, by start day.
#[utoipa::path(
    get, path = "/api/v1/serials/{id}/contracts", tag = "serials", operation_id = "list_serial_contracts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Unit id")),
    responses(
        (status = 200, description = "The unit's contracts", body = Vec<ContractDto>),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/serials/{id}/contracts")]
pub async fn list_serial_contracts(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewCatalogue>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(list_contracts(&state.db, &me, *id).await?))
}
