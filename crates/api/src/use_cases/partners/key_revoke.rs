//! Revoke a key: from now on it is refused (401). Revoking twice keeps the first date.
use actix_web::http::StatusCode;
use aftersales_api_types::partners::ApiKeyDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, api_keys, partners};
use uuid::Uuid;

use super::key_out;
use crate::audit::{Change, snapshot};
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::{Actor, Begun, Once, Work};

pub async fn revoke_key(
    db: &DatabaseConnection,
    actor: &Actor,
    partner_id: Uuid,
    key_id: Uuid,
) -> Result<Once<ApiKeyDto>, ApiError> {
    let me = &actor.me;
    me.require(Permission::ManagePartners)?;
    let work = match Work::begin_retryable(db, actor, &()).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let partner = partners::find_in_scope(work.db(), &me.scope, partner_id).await.or_not_found("partner")?;
    let before = api_keys::find_of_partner(work.db(), partner.id, key_id).await.or_not_found("API key")?;
    api_keys::revoke(work.db(), key_id, work.now()).await?;
    let key = api_keys::find_of_partner(work.db(), partner.id, key_id).await?;
    let out = key_out(&key);
    if before.revoked_at.is_none() {
        let change = Change {
            action: "api_key.revoke",
            entity: "api_key",
            entity_id: key.id,
            branch_id: Some(partner.branch_id),
            before: snapshot(&key_out(&before)),
            after: snapshot(&out),
        };
        work.audit(change).await?;
    }
    work.finish(StatusCode::OK, out).await
}
