//! Delete a brand that has no models (409 otherwise: mark it inactive instead).
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::brands;
use uuid::Uuid;

use crate::dto::brand_out;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::catalogue::BRAND;
use crate::use_cases::{Actor, Work};

pub async fn delete(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> Result<(), ApiError> {
    actor.me.require(Permission::ManageCatalogue)?;
    let work = Work::begin(db, actor).await?;
    let brand = brands::find(work.db(), id).await.or_not_found("brand")?;
    brands::delete(work.db(), brand.id.uuid()).await?;
    BRAND.deleted(&work, brand.id.uuid(), &brand_out(&brand)).await?;
    work.commit().await
}
