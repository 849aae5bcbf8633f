//! Rename a component of a product model (its code stays).
use aftersales_api_types::catalogue::{ComponentDto, UpdateComponent};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::components;
use uuid::Uuid;

use crate::dto::component_out;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::catalogue::COMPONENT;
use crate::use_cases::{Actor, Work};

/// `expected` is the version the client read (412 if the component changed since).
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    model_id: Uuid,
    id: Uuid,
    body: UpdateComponent,
    expected: Option<i64>,
) -> Result<ComponentDto, ApiError> {
    actor.me.require(Permission::ManageCatalogue)?;
    let work = Work::begin(db, actor).await?;
    let current = components::find(work.db(), model_id, id).await.or_not_found("component")?;
    let updated = components::rename(work.db(), &current, expected, body.name.trim().to_owned(), work.now()).await?;
    let out = component_out(&updated);
    COMPONENT.updated(&work, updated.id.uuid(), &component_out(&current), &out).await?;
    work.commit().await?;
    Ok(out)
}
