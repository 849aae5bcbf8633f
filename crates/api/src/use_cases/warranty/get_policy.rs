//! One warranty policy with every version it has had.
use aftersales_api_types::warranty::PolicyDto;
use aftersales_persistence::{DatabaseConnection, warranty_policies};
use uuid::Uuid;

use crate::error::{ApiError, NotFoundAs};
use crate::warranty_dto::policy_out;

/// Any signed-in user may read a policy.
pub async fn get_policy(db: &DatabaseConnection, id: Uuid) -> Result<PolicyDto, ApiError> {
    let record = warranty_policies::find(db, id).await.or_not_found("warranty policy")?;
    Ok(policy_out(&record))
}
