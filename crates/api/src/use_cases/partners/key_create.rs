//! Create an API key for a partner: the secret is in this answer and nowhere else.
use aftersales_api_types::partners::{CreateApiKey, CreatedApiKey};
use aftersales_domain::access::Permission;
use aftersales_domain::partners::{ScopeRefusal, check_scopes, compose_key};
use aftersales_persistence::{DatabaseConnection, api_keys, partners};
use rand::RngCore;
use uuid::Uuid;

use super::key_out;
use crate::audit::{Change, snapshot};
use crate::auth::refresh::hash_token;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::{Actor, Work};

/// Scopes must suit the partner's kind (a manufacturer only reads) and an expiry
/// must lie ahead (422). Not replayed by `Idempotency-Key`: a kept answer would
/// keep the secret, which is stored only as its digest.
pub async fn create_key(
    db: &DatabaseConnection,
    actor: &Actor,
    partner_id: Uuid,
    body: CreateApiKey,
) -> Result<CreatedApiKey, ApiError> {
    let me = &actor.me;
    me.require(Permission::ManagePartners)?;
    let work = Work::begin(db, actor).await?;
    let partner = partners::find_in_scope(work.db(), &me.scope, partner_id).await.or_not_found("partner")?;
    let asked: Vec<String> = body.scopes.iter().map(|s| s.as_str().to_owned()).collect();
    let scopes = check_scopes(partner.kind, &asked).map_err(|refusal| match refusal {
        ScopeRefusal::Empty => ApiError::field("scopes", "empty", "name at least one scope"),
        ScopeRefusal::Unknown(s) => ApiError::field("scopes", "unknown_scope", format!("'{s}' is not a scope")),
        ScopeRefusal::NotForKind(s) => ApiError::field(
            "scopes",
            "not_for_kind",
            format!("a {} may not hold '{}'", partner.kind.as_str(), s.as_str()),
        ),
    })?;
    if body.expires_at.is_some_and(|at| at <= work.now()) {
        return Err(ApiError::field("expires_at", "in_the_past", "must lie in the future"));
    }
    let mut id = [0u8; 4];
    let mut secret = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut id);
    rand::rngs::OsRng.fill_bytes(&mut secret);
    let presented = compose_key(id, secret);
    let new = api_keys::NewApiKey {
        id: Uuid::now_v7(),
        partner_id: partner.id,
        name: body.name.trim().to_owned(),
        prefix: presented.prefix().to_owned(),
        key_hash: hash_token(presented.full()),
        scopes,
        expires_at: body.expires_at,
        created_by: Some(me.user_id),
    };
    // 32 random bits of prefix collide once in about 65,000 keys: the unique index
    // refuses the rare second one, and the admin creates the key again.
    let key = api_keys::insert(work.db(), new, work.now()).await?;
    let out = key_out(&key);
    let change = Change {
        action: "api_key.create",
        entity: "api_key",
        entity_id: key.id,
        branch_id: Some(partner.branch_id),
        before: None,
        after: snapshot(&out),
    };
    work.audit(change).await?;
    work.commit().await?;
    Ok(CreatedApiKey { key: out, secret: presented.full().to_owned() })
}
