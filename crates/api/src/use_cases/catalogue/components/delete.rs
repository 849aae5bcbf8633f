//! Remove a component from a product model, unless something refers to it (409).
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::components;
use uuid::Uuid;

use crate::dto::component_out;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::catalogue::COMPONENT;
use crate::use_cases::{Actor, Work};

pub async fn delete(db: &DatabaseConnection, actor: &Actor, model_id: Uuid, id: Uuid) -> Result<(), ApiError> {
    actor.me.require(Permission::ManageCatalogue)?;
    let work = Work::begin(db, actor).await?;
    let component = components::find(work.db(), model_id, id).await.or_not_found("component")?;
    components::delete(work.db(), component.id.uuid()).await?;
    COMPONENT.deleted(&work, component.id.uuid(), &component_out(&component)).await?;
    work.commit().await
}
