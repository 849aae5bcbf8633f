use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::{BrandDto, UpdateBrand};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::catalogue::brands::update::update;

/// Change a brand's name, country or whether it is active (its code stays).
#[utoipa::path(
    patch, path = "/api/v1/brands/{id}", tag = "catalogue", operation_id = "update_brand",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Brand id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; the update fails with 412 if the brand changed since"),
    ),
    request_body = UpdateBrand,
    responses(
        (status = 200, description = "Updated", body = BrandDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such brand", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The brand changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/brands/{id}")]
pub async fn update_brand(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdateBrand>,
    IfMatch(expected): IfMatch,
) -> Result<HttpResponse, ApiError> {
    let brand = update(&state.db, &Actor::once(me, request_id), *id, body, expected).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(brand.version))).json(brand))
}
