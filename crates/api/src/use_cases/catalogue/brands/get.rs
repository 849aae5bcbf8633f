//! One brand.
use aftersales_api_types::catalogue::BrandDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::brands;
use uuid::Uuid;

use crate::auth::Principal;
use crate::dto::brand_out;
use crate::error::{ApiError, NotFoundAs};

pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<BrandDto, ApiError> {
    me.require(Permission::ViewCatalogue)?;
    let brand = brands::find(db, id).await.or_not_found("brand")?;
    Ok(brand_out(&brand))
}
