use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::{ProductModelDto, UpdateProductModel};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::catalogue::models::update::update;

/// Change a product model: its filing, SKU, name, installation need, or retire it.
#[utoipa::path(
    patch, path = "/api/v1/product-models/{id}", tag = "catalogue", operation_id = "update_product_model",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Product model id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; the update fails with 412 if the model changed since"),
    ),
    request_body = UpdateProductModel,
    responses(
        (status = 200, description = "Updated", body = ProductModelDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such product model", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The brand already has a model with this SKU", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The model changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/product-models/{id}")]
pub async fn update_product_model(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdateProductModel>,
    IfMatch(expected): IfMatch,
) -> Result<HttpResponse, ApiError> {
    let model = update(&state.db, &Actor::once(me, request_id), *id, body, expected).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(model.version))).json(model))
}
