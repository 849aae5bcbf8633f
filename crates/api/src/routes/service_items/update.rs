use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::service_items::{ServiceItemDto, UpdateServiceItem};
use aftersales_persistence::begin_write;
use aftersales_persistence::tickets::service_items::{self, ServiceItemChanges};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::money_dto::money_in;
use crate::state::AppState;
use crate::use_cases::service_items::ENTITY;
use crate::use_cases::tickets::work::{names_in, service_item_out};

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
    let price = body.price.as_ref().map(|p| money_in(p, "price")).transpose()?;
    let txn = begin_write(&state.db).await?;
    let current = service_items::find(&txn, *id).await.or_not_found("service item")?;
    let changes = ServiceItemChanges {
        names: body.names.map(names_in),
        price,
        standard_minutes: body.standard_minutes,
        active: body.active,
    };
    let updated = service_items::update(&txn, &current, expected, changes, Utc::now()).await?;
    let out = service_item_out(&updated);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "service_item.update",
            entity: ENTITY,
            entity_id: updated.id,
            branch_id: None,
            before: snapshot(&service_item_out(&current)),
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(updated.version))).json(out))
}
