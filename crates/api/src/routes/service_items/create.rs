use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::service_items::{CreateServiceItem, ServiceItemDto};
use aftersales_persistence::catalogue::categories;
use aftersales_persistence::tickets::service_items::{self, NewServiceItem};
use aftersales_persistence::{StoreError, begin_write};
use chrono::Utc;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson, etag};
use crate::money_dto::money_in;
use crate::state::AppState;
use crate::use_cases::service_items::ENTITY;
use crate::use_cases::tickets::work::{names_in, normalize_code, service_item_out};

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
    ValidatedJson(body): ValidatedJson<CreateServiceItem>,
) -> Result<HttpResponse, ApiError> {
    let (price_minor, currency) = money_in(&body.price, "price")?;
    let txn = begin_write(&state.db).await?;
    match categories::find(&txn, body.category_id).await {
        Err(StoreError::NotFound) => {
            return Err(ApiError::field(
                "category_id",
                "unknown_category",
                "there is no product category with this id",
            ));
        }
        other => other?,
    };
    let new = NewServiceItem {
        category_id: body.category_id,
        code: normalize_code(&body.code),
        names: names_in(body.names),
        price_minor,
        currency,
        standard_minutes: body.standard_minutes,
    };
    let item = service_items::insert(&txn, new, Utc::now()).await?;
    let out = service_item_out(&item);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "service_item.create",
            entity: ENTITY,
            entity_id: item.id,
            branch_id: None,
            before: None,
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/service-items/{}", item.id)))
        .insert_header((header::ETAG, etag(item.version)))
        .json(out))
}
