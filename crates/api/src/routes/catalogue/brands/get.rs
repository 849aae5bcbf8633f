use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::BrandDto;
use aftersales_persistence::catalogue::brands;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::etag;
use crate::state::AppState;

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
    _: Authorized<need::ViewCatalogue>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let brand = brands::find(&state.db, *id).await.or_not_found("brand")?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(brand.version))).json(dto::brand_out(&brand)))
}
