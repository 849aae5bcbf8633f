//! What every handler can reach: the database, the configuration, the token keys,
//! the password hasher, the sign-in guard and the tracking page's rate limit.
use std::sync::Arc;

use aftersales_persistence::DatabaseConnection;

use crate::auth::jwt::AccessTokens;
use crate::auth::passwords::Passwords;
use crate::auth::throttle::{IpLimiter, LoginGuard};
use crate::config::Config;
use crate::routes::RouteTable;

pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub tokens: AccessTokens,
    pub passwords: Passwords,
    pub login_guard: LoginGuard,
    /// Look-ups of the public tracking page per client IP.
    pub track_limiter: IpLimiter,
    /// Requests per partner API key.
    pub key_limiter: crate::auth::api_keys::KeyLimiter,
    /// Known paths and their methods, for 405 answers.
    pub routes: RouteTable,
    /// The OpenAPI document as JSON, built and written once at start: served at
    /// `/api/v1/openapi.json` (every worker shares these bytes).
    pub openapi_json: actix_web::web::Bytes,
}
