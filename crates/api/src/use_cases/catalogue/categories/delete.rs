//! Delete a category with no sub-categories and no models (409 otherwise: mark it
//! inactive instead).
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::categories;
use uuid::Uuid;

use crate::dto::category_out;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::catalogue::CATEGORY;
use crate::use_cases::{Actor, Work};

pub async fn delete(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> Result<(), ApiError> {
    actor.me.require(Permission::ManageCatalogue)?;
    let work = Work::begin(db, actor).await?;
    let category = categories::find(work.db(), id).await.or_not_found("category")?;
    categories::delete(work.db(), category.id.uuid()).await?;
    CATEGORY.deleted(&work, category.id.uuid(), &category_out(&category)).await?;
    work.commit().await
}
