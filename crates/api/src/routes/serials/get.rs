use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::serials::SerialUnitDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::serials::get::get;

/// One registered unit.
#[utoipa::path(
    get, path = "/api/v1/serials/{id}", tag = "serials", operation_id = "get_serial",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Unit id")),
    responses(
        (status = 200, description = "The unit", body = SerialUnitDto, headers(("ETag" = String, description = "Version, for If-Match"))),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/serials/{id}")]
pub async fn get_serial(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewCatalogue>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let unit = get(&state.db, &me, *id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(unit.version))).json(unit))
}
