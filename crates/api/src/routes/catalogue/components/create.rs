use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::{ComponentDto, CreateComponent};
use aftersales_persistence::begin_write;
use aftersales_persistence::catalogue::{components, models};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::catalogue::entity;

/// Add a component to a product model.
#[utoipa::path(
    post, path = "/api/v1/product-models/{id}/components", tag = "catalogue", operation_id = "create_component",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Product model id")),
    request_body = CreateComponent,
    responses(
        (status = 201, description = "Created", body = ComponentDto,
            headers(("Location" = String, description = "URL of the new component"), ("ETag" = String, description = "Version of the component"))),
        (status = 404, description = "No such product model", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The model already has a component with this code", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/product-models/{id}/components")]
pub async fn create_component(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<CreateComponent>,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    let model = models::find(&txn, *id).await.or_not_found("product model")?;
    let new = components::NewComponent { model_id: model.id, code: body.code, name: body.name.trim().to_owned() };
    let component = components::insert(&txn, new, Utc::now()).await?;
    let out = dto::component_out(&component);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "product_component.create",
            entity: entity::COMPONENT,
            entity_id: component.id,
            branch_id: None,
            before: None,
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/product-models/{}/components/{}", model.id, component.id)))
        .insert_header((header::ETAG, etag(component.version)))
        .json(out))
}
