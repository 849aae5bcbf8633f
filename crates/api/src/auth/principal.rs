//! The signed-in caller, and the permission check, as extractors: a protected
//! handler names `Authorized<need::X>` in its signature and there is no line to forget.
use std::marker::PhantomData;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use aftersales_domain::access::{Permission, Role, allowed};
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::partners::{ApiScope, looks_like_key, scopes_grant};
use aftersales_persistence::tickets::PartnerSight;
use aftersales_persistence::{DatabaseConnection, users};
use futures_util::future::LocalBoxFuture;
use uuid::Uuid;

use crate::error::ApiError;
use crate::state::AppState;

#[derive(Debug, Clone)]
pub struct Principal {
    /// The user who acts: a staff member, or the technical user of the partner
    /// whose API key calls (see [`super::api_keys`]).
    pub user_id: Uuid,
    /// A staff member's roles; for a key, the workflow roles its partner acts in.
    pub roles: Vec<Role>,
    /// The caller's branch and everything below it.
    pub scope: BranchScope,
    /// Set when a partner's API key calls: what it may do and which tickets it sees.
    pub partner: Option<PartnerCaller>,
}

/// A partner's system calling with one of its API keys.
#[derive(Debug, Clone)]
pub struct PartnerCaller {
    pub partner_id: Uuid,
    pub key_id: Uuid,
    pub scopes: Vec<ApiScope>,
    /// The tickets the key sees, instead of the branches of `scope`.
    pub sight: PartnerSight,
}

impl Principal {
    /// The user as they are now: roles and branch read afresh, 401 when the
    /// account is gone or disabled.
    pub async fn of_user(db: &DatabaseConnection, user_id: Uuid) -> Result<Principal, ApiError> {
        let access =
            users::access(db, user_id).await?.ok_or(ApiError::Unauthenticated("the account no longer exists"))?;
        if !access.active {
            return Err(ApiError::Unauthenticated("the account is disabled"));
        }
        Ok(Principal { user_id, roles: access.roles, scope: access.scope, partner: None })
    }

    /// 403 unless the roles grant `permission` (for a key: unless its scopes do).
    pub fn require(&self, permission: Permission) -> Result<(), ApiError> {
        match &self.partner {
            Some(key) if scopes_grant(&key.scopes, permission) => Ok(()),
            Some(_) => Err(ApiError::Forbidden("the API key's scopes do not allow this")),
            None if allowed(&self.roles, permission) => Ok(()),
            None => Err(ApiError::Forbidden("your roles do not allow this")),
        }
    }

    /// True for users of the head office, who see the whole network.
    pub fn is_at_top(&self) -> bool {
        self.scope.path.matches('/').count() == 2
    }
}

/// Any signed-in, active user.
pub struct Authenticated(pub Principal);

impl FromRequest for Authenticated {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer_token(req);
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("application state missing")))?;
            let token = token.ok_or(ApiError::Unauthenticated("send Authorization: Bearer <access token>"))?;
            if looks_like_key(&token) {
                return Err(ApiError::Forbidden(
                    "API keys may call only the endpoints that declare the api_key scheme",
                ));
            }
            let claims = state.tokens.verify(&token)?;
            // Read the user on every request: a disabled user or a moved user takes
            // effect at once, not when their token expires.
            Ok(Authenticated(Principal::of_user(&state.db, claims.sub).await?))
        })
    }
}

pub(super) fn bearer_token(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim().to_owned()).filter(|t| !t.is_empty())
}

/// A permission a handler requires; see [`need`].
pub trait Need {
    const PERMISSION: Permission;
}

/// Marker types, one per permission, for `Authorized<need::X>`.
pub mod need {
    use super::{Need, Permission};

    macro_rules! needs {
        ($($name:ident),* $(,)?) => {$(
            pub struct $name;
            impl Need for $name {
                const PERMISSION: Permission = Permission::$name;
            }
        )*};
    }

    needs!(
        ManageBranches,
        ManageUsers,
        ViewOrganisation,
        ManageSkills,
        ReadAudit,
        ManageCatalogue,
        ViewCatalogue,
        ManageWarranty,
        ManageCustomers,
        ViewCustomers,
        ImportData,
        ViewTickets,
        ManageTickets,
        WorkTickets,
        DispatchTickets,
        HandleFollowUps,
        ConfigureTickets,
        ReopenTickets,
        ViewStock,
        MoveStock,
        ViewParts,
        ManageParts,
        ManagePartners,
        ManageWebhooks,
    );
}

/// A signed-in user whose roles grant `P`; 403 otherwise.
pub struct Authorized<P: Need>(pub Principal, pub PhantomData<P>);

impl<P: Need + 'static> FromRequest for Authorized<P> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let authenticated = Authenticated::from_request(req, payload);
        Box::pin(async move {
            let Authenticated(principal) = authenticated.await?;
            principal.require(P::PERMISSION)?;
            Ok(Authorized(principal, PhantomData))
        })
    }
}
