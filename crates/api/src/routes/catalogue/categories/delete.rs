use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use aftersales_persistence::begin_write;
use aftersales_persistence::catalogue::categories;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::RequestId;
use crate::state::AppState;
use crate::use_cases::catalogue::entity;

/// Delete a category with no sub-categories and no models (otherwise mark it inactive).
#[utoipa::path(
    delete, path = "/api/v1/product-categories/{id}", tag = "catalogue", operation_id = "delete_product_category",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Category id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such category", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The category still has sub-categories or models", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/api/v1/product-categories/{id}")]
pub async fn delete_category(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    let category = categories::find(&txn, *id).await.or_not_found("category")?;
    categories::delete(&txn, category.id).await?;
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "product_category.delete",
            entity: entity::CATEGORY,
            entity_id: category.id,
            branch_id: None,
            before: snapshot(&dto::category_out(&category)),
            after: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
