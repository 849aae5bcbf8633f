use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::ProductModelDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::catalogue::models::get::get;

/// One product model.
#[utoipa::path(
    get, path = "/api/v1/product-models/{id}", tag = "catalogue", operation_id = "get_product_model",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Product model id")),
    responses(
        (status = 200, description = "The model", body = ProductModelDto, headers(("ETag" = String, description = "Version, for If-Match"))),
        (status = 404, description = "No such product model", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/product-models/{id}")]
pub async fn get_product_model(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewCatalogue>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let model = get(&state.db, &me, *id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(model.version))).json(model))
}
