//! One component of a product model.
use aftersales_api_types::catalogue::ComponentDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::components;
use uuid::Uuid;

use crate::auth::Principal;
use crate::dto::component_out;
use crate::error::{ApiError, NotFoundAs};

pub async fn get(db: &DatabaseConnection, me: &Principal, model_id: Uuid, id: Uuid) -> Result<ComponentDto, ApiError> {
    me.require(Permission::ViewCatalogue)?;
    let component = components::find(db, model_id, id).await.or_not_found("component")?;
    Ok(component_out(&component))
}
