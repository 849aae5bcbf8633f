use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use aftersales_persistence::begin_write;
use aftersales_persistence::catalogue::components;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::RequestId;
use crate::state::AppState;
use crate::use_cases::catalogue::entity;

/// Remove a component from a product model, unless something refers to it.
#[utoipa::path(
    delete, path = "/api/v1/product-models/{id}/components/{component_id}", tag = "catalogue", operation_id = "delete_component",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Product model id"),
        ("component_id" = Uuid, Path, description = "Component id"),
    ),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such component of this model", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The component is still referenced", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/api/v1/product-models/{id}/components/{component_id}")]
pub async fn delete_component(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (model_id, component_id) = path.into_inner();
    let txn = begin_write(&state.db).await?;
    let component = components::find(&txn, model_id, component_id).await.or_not_found("component")?;
    components::delete(&txn, component.id).await?;
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "product_component.delete",
            entity: entity::COMPONENT,
            entity_id: component.id,
            branch_id: None,
            before: snapshot(&dto::component_out(&component)),
            after: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
