use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::{CategoryDto, UpdateCategory};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::catalogue::categories::update::update;

/// Change a category; a new `parent_id` moves it with everything below it (its code stays).
#[utoipa::path(
    patch, path = "/api/v1/product-categories/{id}", tag = "catalogue", operation_id = "update_product_category",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Category id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; the update fails with 412 if the category changed since"),
    ),
    request_body = UpdateCategory,
    responses(
        (status = 200, description = "Updated", body = CategoryDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such category", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The move would put the category below itself or make the tree too deep", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The category changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/product-categories/{id}")]
pub async fn update_category(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdateCategory>,
    IfMatch(expected): IfMatch,
) -> Result<HttpResponse, ApiError> {
    let category = update(&state.db, &Actor::once(me, request_id), *id, body, expected).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(category.version))).json(category))
}
