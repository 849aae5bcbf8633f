//! Partners of the network and their API keys, and the tickets partners take in
//! or are given. Admins manage partners and keys; a dispatcher gives tickets.
pub mod create;
pub mod get;
pub mod give_ticket;
pub mod key_create;
pub mod key_list;
pub mod key_revoke;
pub mod list;
mod out;
pub mod tickets;
pub mod update;

pub use out::{key_out, partner_out};

use aftersales_persistence::{ConnectionTrait, partners};
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};

/// The partner a request is about. A partner acting (its key, its own staff) acts
/// for itself: naming another partner is a 404, so it does not learn that one
/// exists. The network's staff name it (`partner_id`, 422 saying `required` when
/// missing) among the partners of their part of the network.
pub(crate) async fn partner_named(
    db: &impl ConnectionTrait,
    me: &Principal,
    partner_id: Option<Uuid>,
    required: &str,
) -> Result<partners::Partner, ApiError> {
    match (&me.partner, partner_id) {
        (Some(acting), Some(asked)) if asked != acting.partner_id => Err(ApiError::not_found("partner")),
        (Some(acting), _) => Ok(partners::find(db, acting.partner_id).await?),
        (None, Some(asked)) => partners::find_in_scope(db, &me.scope, asked).await.or_not_found("partner"),
        (None, None) => Err(ApiError::field("partner_id", "required", required)),
    }
}
