use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::service_items::{ServiceItemDto, UpdateServiceItem};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::{Actor, service_items};

/// Change a service item's names, price, standard time or retire it
/// (`active: false`); its code and category stay. Lines already recorded keep
/// their price.
#[utoipa::path(
    patch, path = "/api/v1/service-items/{id}", tag = "service-catalogue", operation_id = "update_service_item",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Service item id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; the update fails with 412 if the item changed since"),
    ),
    request_body = UpdateServiceItem,
    responses(
        (status = 200, description = "Updated", body = ServiceItemDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such item", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The item changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/service-items/{id}")]
pub async fn update_service_item(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ConfigureTickets>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<UpdateServiceItem>,
) -> Result<HttpResponse, ApiError> {
    let actor = Actor::once(me, request_id);
    let item = service_items::update::update(&state.db, &actor, *id, expected, body).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(item.version))).json(item))
}
