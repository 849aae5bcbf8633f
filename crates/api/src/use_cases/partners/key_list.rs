//! A partner's keys: prefixes, scopes, expiry, last use; never a secret.
use aftersales_api_types::partners::ApiKeyDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, api_keys, partners};
use uuid::Uuid;

use super::key_out;
use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};

pub async fn list_keys(db: &DatabaseConnection, me: &Principal, partner_id: Uuid) -> Result<Vec<ApiKeyDto>, ApiError> {
    me.require(Permission::ManagePartners)?;
    let partner = partners::find_in_scope(db, &me.scope, partner_id).await.or_not_found("partner")?;
    let keys = api_keys::of_partner(db, partner.id).await?;
    Ok(keys.iter().map(key_out).collect())
}
