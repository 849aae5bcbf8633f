use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::ProductModelDto;
use aftersales_persistence::catalogue::models;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::etag;
use crate::state::AppState;

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
    _: Authorized<need::ViewCatalogue>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let model = models::find(&state.db, *id).await.or_not_found("product model")?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(model.version))).json(dto::product_model_out(&model)))
}
