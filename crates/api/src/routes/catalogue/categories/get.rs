use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::CategoryDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::catalogue::categories::get::get;

/// One product category.
#[utoipa::path(
    get, path = "/api/v1/product-categories/{id}", tag = "catalogue", operation_id = "get_product_category",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Category id")),
    responses(
        (status = 200, description = "The category", body = CategoryDto, headers(("ETag" = String, description = "Version, for If-Match"))),
        (status = 404, description = "No such category", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/product-categories/{id}")]
pub async fn get_category(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewCatalogue>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let category = get(&state.db, &me, *id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(category.version))).json(category))
}
