use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::{CreateProductModel, ProductModelDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::catalogue::models::create::create;

/// Add a product model under an active brand and category.
#[utoipa::path(
    post, path = "/api/v1/product-models", tag = "catalogue", operation_id = "create_product_model",
    security(("bearer" = [])),
    request_body = CreateProductModel,
    responses(
        (status = 201, description = "Created", body = ProductModelDto,
            headers(("Location" = String, description = "URL of the new model"), ("ETag" = String, description = "Version of the model"))),
        (status = 409, description = "The brand already has a model with this SKU", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/product-models")]
pub async fn create_product_model(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CreateProductModel>,
) -> Result<HttpResponse, ApiError> {
    let model = create(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created(model, |v| format!("/api/v1/product-models/{}", v.id), |v| v.version))
}
