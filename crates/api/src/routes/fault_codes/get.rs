use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::fault_codes::FaultCodeDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::fault_codes;

/// One code of a code list.
#[utoipa::path(
    get, path = "/api/v1/fault-codes/{id}", tag = "service-catalogue", operation_id = "get_fault_code",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Code id")),
    responses(
        (status = 200, description = "The code", body = FaultCodeDto, headers(("ETag" = String, description = "Version, for If-Match"))),
        (status = 404, description = "No such code", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/fault-codes/{id}")]
pub async fn get_fault_code(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let code = fault_codes::get::get(&state.db, &me, *id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(code.version))).json(code))
}
