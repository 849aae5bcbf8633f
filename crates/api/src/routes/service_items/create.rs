use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::service_items::{CreateServiceItem, ServiceItemDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::{Actor, service_items};

/// Add a priced service to a product category's catalogue.
///
/// The code is trimmed and upper-cased and must be new to the category (409
/// naming it otherwise). The price is exact: an amount finer than its currency
/// allows (`1000.5` VND) is refused, not rounded.
#[utoipa::path(
    post, path = "/api/v1/service-items", tag = "service-catalogue", operation_id = "create_service_item",
    security(("bearer" = [])),
    request_body = CreateServiceItem,
    responses(
        (status = 201, description = "Created", body = ServiceItemDto,
            headers(("Location" = String, description = "URL of the new item"), ("ETag" = String, description = "Version of the item"))),
        (status = 409, description = "The category already has this code", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/service-items")]
pub async fn create_service_item(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ConfigureTickets>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CreateServiceItem>,
) -> Result<HttpResponse, ApiError> {
    let item = service_items::create::create(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created(item, |v| format!("/api/v1/service-items/{}", v.id), |v| v.version))
}
