//! One product model.
use aftersales_api_types::catalogue::ProductModelDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::models;
use uuid::Uuid;

use crate::auth::Principal;
use crate::dto::product_model_out;
use crate::error::{ApiError, NotFoundAs};

pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<ProductModelDto, ApiError> {
    me.require(Permission::ViewCatalogue)?;
    let model = models::find(db, id).await.or_not_found("product model")?;
    Ok(product_model_out(&model))
}
