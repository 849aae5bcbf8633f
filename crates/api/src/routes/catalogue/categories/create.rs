use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::{CategoryDto, CreateCategory};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson, etag};
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
    ValidatedJson(body): ValidatedJson<CreateCategory>,
) -> Result<HttpResponse, ApiError> {
    let category = create(&state.db, &Actor::once(me, request_id), body).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/product-categories/{}", category.id)))
        .insert_header((header::ETAG, etag(category.version)))
        .json(category))
}
