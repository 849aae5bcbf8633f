use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::parts::PartDto;
use aftersales_persistence::parts;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::parts::part_out;

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
    _: Authorized<need::ViewParts>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let part = parts::find(&state.db, *id).await.or_not_found("part")?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(part.version))).json(part_out(&part)))
}
