//! Webhook endpoints: a partner's (a handful: no paging), or for staff without a
//! partner named, those of every partner in their part of the network.
use aftersales_api_types::webhooks::{WebhookEndpointDto, WebhookEndpointQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::webhooks::endpoints;
use chrono::Utc;

use super::access::owner;
use super::out::endpoint_out;
use crate::auth::Principal;
use crate::error::ApiError;

pub async fn list(
    db: &DatabaseConnection,
    me: &Principal,
    query: WebhookEndpointQuery,
) -> Result<Vec<WebhookEndpointDto>, ApiError> {
    let now = Utc::now();
    let found = if me.partner.is_none() && query.partner_id.is_none() {
        me.require(Permission::ManageWebhooks)?;
        endpoints::in_scope(db, &me.scope).await?
    } else {
        let partner = owner(db, me, query.partner_id).await?;
        endpoints::of_partner(db, partner.id).await?
    };
    Ok(found.iter().map(|e| endpoint_out(e, now)).collect())
}

/// One endpoint.
pub async fn get(db: &DatabaseConnection, me: &Principal, id: uuid::Uuid) -> Result<WebhookEndpointDto, ApiError> {
    let endpoint = super::access::endpoint_in_reach(db, me, id).await?;
    Ok(endpoint_out(&endpoint, Utc::now()))
}
