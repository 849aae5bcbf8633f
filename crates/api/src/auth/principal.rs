//! The signed-in caller, and the permission check, as extractors: a protected
//! handler names `Authorized<need::X>` in its signature and there is no line to forget.
use std::marker::PhantomData;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use aftersales_domain::access::{Permission, Role, allowed};
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::partners::{ApiScope, PartnerKind, looks_like_key, scopes_grant};
use aftersales_persistence::tickets::PartnerSight;
use aftersales_persistence::{DatabaseConnection, partners, users};
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
    /// Set when a partner acts: its system with one of its API keys, or one of its
    /// own staff signed in. What it may do, and which tickets it sees.
    pub partner: Option<PartnerCaller>,
}

/// A partner acting: its system calling with one of its API keys, or one of its
/// own staff signed in (`key_id` is `None`).
#[derive(Debug, Clone)]
pub struct PartnerCaller {
    pub partner_id: Uuid,
    pub kind: PartnerKind,
    pub key_id: Option<Uuid>,
    /// A key's scopes; empty for a person, whose roles decide.
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
        let partner = match access.partner_id {
            Some(id) => {
                let partner = partners::find(db, id).await?;
                if !partner.active {
                    return Err(ApiError::Unauthenticated("the account's partner is inactive"));
                }
                let (sight, _) = super::api_keys::sight_of(db, &partner).await?;
                Some(PartnerCaller { partner_id: id, kind: partner.kind, key_id: None, scopes: Vec::new(), sight })
            }
            None => None,
        };
        Ok(Principal { user_id, roles: access.roles, scope: access.scope, partner })
    }

    /// Whether the caller may do what `permission` guards: a key by its scopes, a
    /// partner's own staff by their roles within what the partner's kind allows,
    /// staff by their roles.
    pub fn may(&self, permission: Permission) -> bool {
        match &self.partner {
            Some(key) if key.key_id.is_some() => scopes_grant(&key.scopes, permission),
            Some(staff) => allowed(&self.roles, permission) && staff.kind.staff_may(permission),
            None => allowed(&self.roles, permission),
        }
    }

    /// 403 unless the caller [may](Self::may) do it.
    pub fn require(&self, permission: Permission) -> Result<(), ApiError> {
        match &self.partner {
            _ if self.may(permission) => Ok(()),
            Some(key) if key.key_id.is_some() => Err(ApiError::Forbidden("the API key's scopes do not allow this")),
            Some(_) => Err(ApiError::Forbidden("a partner's staff may not do this")),
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
        ManageOrders,
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
