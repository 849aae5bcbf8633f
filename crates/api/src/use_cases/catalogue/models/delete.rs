//! Delete a product model with its components, unless something refers to it (409:
//! mark it inactive instead).
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::{components, models};
use uuid::Uuid;

use crate::dto::{component_out, product_model_out};
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::catalogue::{COMPONENT, MODEL};
use crate::use_cases::{Actor, Work};

pub async fn delete(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> Result<(), ApiError> {
    actor.me.require(Permission::ManageCatalogue)?;
    let work = Work::begin(db, actor).await?;
    let model = models::find(work.db(), id).await.or_not_found("product model")?;
    // The database removes the components with the model; the log should say so too.
    let taken_along = components::all_of_model(work.db(), model.id.uuid()).await?;
    models::delete(work.db(), model.id.uuid()).await?;
    for component in &taken_along {
        COMPONENT.deleted(&work, component.id.uuid(), &component_out(component)).await?;
    }
    MODEL.deleted(&work, model.id.uuid(), &product_model_out(&model)).await?;
    work.commit().await
}
