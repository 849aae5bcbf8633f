//! One product category.
use aftersales_api_types::catalogue::CategoryDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::categories;
use uuid::Uuid;

use crate::auth::Principal;
use crate::dto::category_out;
use crate::error::{ApiError, NotFoundAs};

pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<CategoryDto, ApiError> {
    me.require(Permission::ViewCatalogue)?;
    let category = categories::find(db, id).await.or_not_found("category")?;
    Ok(category_out(&category))
}
