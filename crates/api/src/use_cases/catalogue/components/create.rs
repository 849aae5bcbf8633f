//! Add a component to a product model.
use actix_web::http::StatusCode;
use aftersales_api_types::catalogue::{ComponentDto, CreateComponent};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::{components, models};
use uuid::Uuid;

use crate::dto::component_out;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::catalogue::COMPONENT;
use crate::use_cases::{Actor, Begun, Once, Work};

/// 404 when there is no such model; 409 when the model has a component with this code.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    model_id: Uuid,
    body: CreateComponent,
) -> Result<Once<ComponentDto>, ApiError> {
    actor.me.require(Permission::ManageCatalogue)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let model = models::find(work.db(), model_id).await.or_not_found("product model")?;
    let new =
        components::NewComponent { model_id: model.id.uuid(), code: body.code, name: body.name.trim().to_owned() };
    let component = components::insert(work.db(), new, work.now()).await?;
    let out = component_out(&component);
    COMPONENT.created(&work, component.id.uuid(), &out).await?;
    work.finish(StatusCode::CREATED, out).await
}
