use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::{BrandDto, CreateBrand};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::catalogue::brands::create::create;

/// Add a brand to the catalogue.
#[utoipa::path(
    post, path = "/api/v1/brands", tag = "catalogue", operation_id = "create_brand",
    security(("bearer" = [])),
    request_body = CreateBrand,
    responses(
        (status = 201, description = "Created", body = BrandDto,
            headers(("Location" = String, description = "URL of the new brand"), ("ETag" = String, description = "Version of the brand"))),
        (status = 409, description = "The code is taken", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/brands")]
pub async fn create_brand(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CreateBrand>,
) -> Result<HttpResponse, ApiError> {
    let brand = create(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created(brand, |v| format!("/api/v1/brands/{}", v.id), |v| v.version))
}
