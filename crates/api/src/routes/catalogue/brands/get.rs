use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::BrandDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::catalogue::brands::get::get;

/// One brand.
#[utoipa::path(
    get, path = "/api/v1/brands/{id}", tag = "catalogue", operation_id = "get_brand",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Brand id")),
    responses(
        (status = 200, description = "The brand", body = BrandDto, headers(("ETag" = String, description = "Version, for If-Match"))),
        (status = 404, description = "No such brand", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/brands/{id}")]
pub async fn get_brand(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewCatalogue>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let brand = get(&state.db, &me, *id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(brand.version))).json(brand))
}
