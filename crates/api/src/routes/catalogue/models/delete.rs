use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use aftersales_persistence::begin_write;
use aftersales_persistence::catalogue::{components, models};
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::RequestId;
use crate::state::AppState;
use crate::use_cases::catalogue::entity;

/// Delete a product model with its components, unless something refers to it
/// (otherwise mark it inactive).
#[utoipa::path(
    delete, path = "/api/v1/product-models/{id}", tag = "catalogue", operation_id = "delete_product_model",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Product model id")),
    responses(
        (status = 204, description = "Deleted, with its components"),
        (status = 404, description = "No such product model", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The model is still referenced", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/api/v1/product-models/{id}")]
pub async fn delete_product_model(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    let model = models::find(&txn, *id).await.or_not_found("product model")?;
    // The database removes the components with the model; the log should say so too.
    let taken_along = components::all_of_model(&txn, model.id).await?;
    models::delete(&txn, model.id).await?;
    for component in &taken_along {
        let change = Change {
            action: "product_component.delete",
            entity: entity::COMPONENT,
            entity_id: component.id,
            branch_id: None,
            before: snapshot(&dto::component_out(component)),
            after: None,
        };
        audit::record(&txn, Some(me.user_id), &request_id, change).await?;
    }
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "product_model.delete",
            entity: entity::MODEL,
            entity_id: model.id,
            branch_id: None,
            before: snapshot(&dto::product_model_out(&model)),
            after: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
