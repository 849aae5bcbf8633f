use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::{CategoryDto, CreateCategory};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::catalogue::categories::create::create;

/// Add a product category, top-level or under another.
#[utoipa::path(
    post, path = "/api/v1/product-categories", tag = "catalogue", operation_id = "create_product_category",
    security(("bearer" = [])),
    request_body = CreateCategory,
    responses(
        (status = 201, description = "Created", body = CategoryDto,
            headers(("Location" = String, description = "URL of the new category"), ("ETag" = String, description = "Version of the category"))),
        (status = 409, description = "The code is taken, or the tree would be too deep", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/product-categories")]
pub async fn create_category(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CreateCategory>,
) -> Result<HttpResponse, ApiError> {
    let category = create(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created(category, |v| format!("/api/v1/product-categories/{}", v.id), |v| v.version))
}
