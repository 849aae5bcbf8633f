//! Whose endpoints a caller may manage: a key its own partner's, an admin those
//! of partners in their part of the network. Anything else is a 404, so another
//! partner's endpoints do not even show that they exist.
use aftersales_domain::access::Permission;
use aftersales_persistence::webhooks::{WebhookEndpoint, endpoints};
use aftersales_persistence::{ConnectionTrait, partners};
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::partners::partner_named;

/// The partner whose endpoints the caller names: a key's own (naming another is
/// a 404); for staff, `partner_id` is required.
pub(super) async fn owner(
    db: &impl ConnectionTrait,
    me: &Principal,
    partner_id: Option<Uuid>,
) -> Result<partners::Partner, ApiError> {
    me.require(Permission::ManageWebhooks)?;
    partner_named(db, me, partner_id, "name the partner whose endpoints these are").await
}

/// An endpoint the caller may manage.
pub(super) async fn endpoint_in_reach(
    db: &impl ConnectionTrait,
    me: &Principal,
    id: Uuid,
) -> Result<WebhookEndpoint, ApiError> {
    me.require(Permission::ManageWebhooks)?;
    let endpoint = endpoints::find(db, id).await.or_not_found("webhook endpoint")?;
    let reachable = match &me.partner {
        Some(key) => key.partner_id == endpoint.partner_id,
        None => partners::find_in_scope(db, &me.scope, endpoint.partner_id).await.is_ok(),
    };
    if !reachable {
        return Err(ApiError::not_found("webhook endpoint"));
    }
    Ok(endpoint)
}
