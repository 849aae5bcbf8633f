//! Partners' API keys: recognising one (`Authorization: Bearer ask_live_…` or
//! `X-Api-Key: ask_live_…`), the principal it yields, and the per-key limit.
//!
//! **How a key acts.** Every partner is created with a technical user of its own
//! (`partner:<code>`, disabled, no roles, no password that any sign-in can match).
//! A key's principal acts as that user: the timeline, the audit log and the kept
//! answers of retried requests all reference users, and stay as they are, while
//! the audit shows which partner did what. What the key may do comes from its
//! scopes ([`aftersales_domain::partners::scopes_grant`]), not from the user's
//! roles; the workflow roles it moves tickets in come from the partner's kind; and
//! which tickets it sees is its [`PartnerSight`], applied in the one place ticket
//! visibility is decided (`use_cases::access::ticket_in_scope` and the list).
//!
//! **Kept apart from staff sign-in.** Keys never pass the sign-in guard: a
//! thousand wrong keys lock no account name. A wrong key costs a digest and one
//! indexed read. Staff-only endpoints refuse keys (403), so a key reaches only the
//! handlers that take [`StaffOrPartner`] and declare the `api_key` scheme.
use std::marker::PhantomData;
use std::num::NonZeroU32;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::partners::{
    KeyRefusal, LAST_USED_RESOLUTION, PartnerKind, PresentedKey, key_usable, looks_like_key, needs_touch,
};
use aftersales_persistence::tickets::PartnerSight;
use aftersales_persistence::{ConnectionTrait, DatabaseConnection, api_keys, branches, partners};
use chrono::Utc;
use futures_util::future::LocalBoxFuture;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use uuid::Uuid;

use super::principal::{Authenticated, Need, PartnerCaller, Principal, bearer_token};
use super::refresh::hash_token;
use crate::error::ApiError;
use crate::state::AppState;

/// The header a key may also come in.
pub const HEADER: &str = "X-Api-Key";

/// Requests per key per minute, refused with 429 and `Retry-After` beyond that.
/// In the memory of each process, like the sign-in guard.
pub struct KeyLimiter {
    per_key: DefaultKeyedRateLimiter<Uuid>,
}

impl KeyLimiter {
    pub fn per_minute(n: u32) -> Self {
        let quota = Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN));
        KeyLimiter { per_key: RateLimiter::keyed(quota) }
    }

    pub fn check(&self, key_id: Uuid) -> Result<(), ApiError> {
        if self.per_key.len() > 10_000 {
            self.per_key.retain_recent();
        }
        self.per_key.check_key(&key_id).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            ApiError::RateLimited { retry_after_secs: wait.as_secs().max(1) }
        })
    }
}

/// The key sent with the request, if any: `X-Api-Key`, or a bearer token that is
/// a key rather than an access token.
fn presented_key(req: &HttpRequest) -> Option<String> {
    if let Some(value) = req.headers().get(HEADER) {
        return Some(value.to_str().unwrap_or_default().trim().to_owned());
    }
    bearer_token(req).filter(|t| looks_like_key(t))
}

/// The principal of a valid key; 401 for a key that is unknown, malformed,
/// revoked, expired or of an inactive partner; 429 past the key's limit.
pub async fn authenticate(state: &AppState, text: &str) -> Result<Principal, ApiError> {
    const UNKNOWN: ApiError = ApiError::Unauthenticated("unknown API key");
    let presented = PresentedKey::parse(text).ok_or(UNKNOWN)?;
    let db = &state.db;
    let (key, stored_hash) = api_keys::by_prefix(db, presented.prefix()).await?.ok_or(UNKNOWN)?;
    // Comparing digests: the secret has 256 bits, so how long a comparison of its
    // digest takes tells an attacker nothing usable.
    if hash_token(presented.full()) != stored_hash {
        return Err(UNKNOWN);
    }
    let partner = partners::find(db, key.partner_id).await?;
    let now = Utc::now();
    key_usable(key.revoked_at, key.expires_at, partner.active, now).map_err(|refusal| match refusal {
        KeyRefusal::Revoked => ApiError::Unauthenticated("the API key was revoked"),
        KeyRefusal::Expired => ApiError::Unauthenticated("the API key has expired"),
        KeyRefusal::PartnerInactive => ApiError::Unauthenticated("the key's partner is inactive"),
    })?;
    state.key_limiter.check(key.id)?;
    // Last use is a hint for admins: a busy database must not refuse the call.
    if needs_touch(key.last_used_at, now)
        && let Err(e) = api_keys::touch(db, key.id, now - LAST_USED_RESOLUTION, now).await
    {
        tracing::warn!(error = %e, key = %key.prefix, "noting the key's last use failed");
    }
    principal_of(db, &partner, key.id, key.scopes).await
}

async fn principal_of(
    db: &DatabaseConnection,
    partner: &partners::Partner,
    key_id: Uuid,
    scopes: Vec<aftersales_domain::partners::ApiScope>,
) -> Result<Principal, ApiError> {
    let (sight, scope) = sight_of(db, partner).await?;
    Ok(Principal {
        user_id: partner.user_id,
        roles: partner.kind.workflow_roles(&scopes),
        scope,
        partner: Some(PartnerCaller {
            partner_id: partner.id,
            kind: partner.kind,
            key_id: Some(key_id),
            scopes,
            sight,
        }),
    })
}

/// Which tickets the partner sees, and the part of the network it works in: a
/// manufacturer its brands' warranty tickets under its branch, anyone else the
/// tickets it took in or was given. Also who hears of a ticket by webhook.
pub(crate) async fn sight_of(
    db: &impl ConnectionTrait,
    partner: &partners::Partner,
) -> Result<(PartnerSight, BranchScope), ApiError> {
    let branch = branches::find(db, partner.branch_id).await?;
    let scope = BranchScope { branch_id: branch.id, path: branch.path };
    let sight = match partner.kind {
        PartnerKind::Manufacturer => {
            PartnerSight::Brands { brand_ids: partner.brand_ids.clone(), scope: scope.clone() }
        }
        _ => PartnerSight::Own(partner.id),
    };
    Ok((sight, scope))
}

/// A signed-in staff member whose roles grant `P`, or a partner's API key whose
/// scopes do; 403 otherwise. Only the endpoints a key may call take this.
pub struct StaffOrPartner<P: Need>(pub Principal, pub PhantomData<P>);

impl<P: Need + 'static> FromRequest for StaffOrPartner<P> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let key = presented_key(req);
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let staff = key.is_none().then(|| Authenticated::from_request(req, payload));
        Box::pin(async move {
            let principal = match (key, staff) {
                (Some(key), _) => {
                    let state =
                        state.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("application state missing")))?;
                    authenticate(&state, &key).await?
                }
                (None, Some(staff)) => staff.await?.0,
                (None, None) => return Err(ApiError::Unauthenticated("send an access token or an API key")),
            };
            principal.require(P::PERMISSION)?;
            Ok(StaffOrPartner(principal, PhantomData))
        })
    }
}
