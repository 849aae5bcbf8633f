//! Sign out: revoke a refresh token and every token of its family.
use aftersales_api_types::auth::RefreshRequest;
use aftersales_persistence::{DatabaseConnection, refresh_tokens};

use super::holder;
use crate::audit::Change;
use crate::auth::refresh::hash_token;
use crate::error::ApiError;
use crate::extract::RequestId;
use crate::use_cases::{Actor, Work};

/// An unknown token is no error: signing out reveals nothing about it. Access
/// tokens already issued stay valid until they expire (minutes).
pub async fn logout(db: &DatabaseConnection, request_id: RequestId, body: RefreshRequest) -> Result<(), ApiError> {
    let Some(presented) = refresh_tokens::find_by_hash(db, &hash_token(&body.refresh_token)).await? else {
        return Ok(());
    };
    let actor = Actor::once(holder(db, presented.user_id).await?, request_id);
    let work = Work::begin(db, &actor).await?;
    refresh_tokens::revoke_family(work.db(), presented.family_id, work.now()).await?;
    work.audit(Change {
        action: "auth.logout",
        entity: "user",
        entity_id: actor.me.user_id,
        branch_id: Some(actor.me.scope.branch_id.uuid()),
        before: None,
        after: None,
    })
    .await?;
    work.commit().await
}
