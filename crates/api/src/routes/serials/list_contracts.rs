use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::serial_records::ContractDto;
use aftersales_persistence::serials::{self, contracts};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::serial_dto;
use crate::state::AppState;

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
    _: Authorized<need::ViewCatalogue>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let unit = serials::find(&state.db, *id).await.or_not_found("unit")?;
    let found = contracts::of_unit(&state.db, unit.id).await?;
    Ok(HttpResponse::Ok().json(found.iter().map(serial_dto::contract_out).collect::<Vec<_>>()))
}
