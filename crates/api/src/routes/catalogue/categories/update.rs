use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::{CategoryDto, UpdateCategory};
use aftersales_persistence::begin_write;
use aftersales_persistence::catalogue::categories::{self, CategoryChanges};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::catalogue::categories::check_new_parent;
use crate::use_cases::catalogue::entity;

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
    let txn = begin_write(&state.db).await?;
    let current = categories::find(&txn, *id).await.or_not_found("category")?;
    if let Some(Some(parent_id)) = body.parent_id
        && Some(parent_id) != current.parent_id
    {
        check_new_parent(&txn, current.id, parent_id).await?;
    }
    let changes = CategoryChanges {
        name: body.name.map(|n| n.trim().to_owned()),
        parent_id: body.parent_id,
        active: body.active,
    };
    let updated = categories::update(&txn, &current, expected, changes, Utc::now()).await?;
    let out = dto::category_out(&updated);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "product_category.update",
            entity: entity::CATEGORY,
            entity_id: updated.id,
            branch_id: None,
            before: snapshot(&dto::category_out(&current)),
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(updated.version))).json(out))
}
