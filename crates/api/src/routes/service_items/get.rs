use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::service_items::ServiceItemDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::service_items;

/// One item of the service catalogue.
#[utoipa::path(
    get, path = "/api/v1/service-items/{id}", tag = "service-catalogue", operation_id = "get_service_item",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Service item id")),
    responses(
        (status = 200, description = "The item", body = ServiceItemDto, headers(("ETag" = String, description = "Version, for If-Match"))),
        (status = 404, description = "No such item", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/service-items/{id}")]
pub async fn get_service_item(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let item = service_items::get::get(&state.db, &me, *id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(item.version))).json(item))
}
