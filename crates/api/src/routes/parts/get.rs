use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::parts::PartDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::parts::get;

/// One part of the catalogue.
#[utoipa::path(
    get, path = "/api/v1/parts/{id}", tag = "parts", operation_id = "get_part",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Part id")),
    responses(
        (status = 200, description = "The part", body = PartDto, headers(("ETag" = String, description = "Version, for If-Match"))),
        (status = 404, description = "No such part", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/parts/{id}")]
pub async fn get_part(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewParts>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let part = get::get(&state.db, &me, *id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(part.version))).json(part))
}
