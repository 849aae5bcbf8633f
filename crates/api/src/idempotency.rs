//! `Idempotency-Key`: a client that may send a request twice (a retry after a
//! timeout, a double tap) names it with a key; the first answer is kept with the
//! change it made, and the same request with the same key gets that answer again
//! (kept and replayed by the unit of work, `use_cases::Work::begin_retryable`).
//!
//! Every POST that changes something honours it, with these exceptions (the OpenAPI
//! pass `openapi_idempotency` declares the header on every other POST):
//! - `POST /api/v1/auth/login`, `/auth/refresh`: the answer is a pair of tokens. A
//!   kept answer would store the refresh token in clear beside its hash, and hand
//!   the same tokens to anyone who sends the key again with the same body, for a
//!   day; a retried sign-in simply signs in again, which is safe. (A refresh that
//!   lost its answer signs in again.)
//! - `POST /api/v1/auth/logout`: revoking a revoked token changes nothing; it is
//!   safe to repeat as it is.
//! - `POST /api/v1/partners/{id}/api-keys`: the answer holds the new key's secret,
//!   shown once; a kept answer would store it in clear for two days. A client that
//!   lost the answer revokes that key and makes another.
//! - `POST /api/v1/warranty/evaluate`: reads only (a POST because the unit's facts
//!   are a body), so a retry is already harmless.
//!
//! Only successful answers are kept: a refused request (4xx) writes nothing, so the
//! client may correct it and send it again under the same key (as Stripe does).
//! Keys are kept for [`KEEP_HOURS`] and then forgotten by a background pass.
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::{Ready, ready};

use crate::error::ApiError;

pub const HEADER: &str = "Idempotency-Key";

/// How long a kept answer is replayed: at least the 24 hours clients are promised,
/// with a margin for a client whose retries span a day.
pub const KEEP_HOURS: i64 = 48;

/// The POST operations that do not honour the key, by path (see the module's
/// comment for why).
pub const NOT_RETRYABLE: [&str; 5] = [
    "/api/v1/auth/login",
    "/api/v1/auth/refresh",
    "/api/v1/auth/logout",
    "/api/v1/partners/{id}/api-keys",
    "/api/v1/warranty/evaluate",
];

/// The key the client sent, if any (1 to 128 visible ASCII characters), and the
/// request it names: its method and target (path and query), which with the body
/// tell a retry from another request under the same key.
pub struct IdempotencyKey {
    pub key: Option<String>,
    pub request: String,
}

impl IdempotencyKey {
    /// No key: the request is done every time it is sent.
    pub fn none() -> Self {
        IdempotencyKey { key: None, request: String::new() }
    }
}

impl FromRequest for IdempotencyKey {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let Some(raw) = req.headers().get(HEADER) else { return ready(Ok(IdempotencyKey::none())) };
        let key = raw.to_str().unwrap_or_default().trim();
        if key.is_empty() || key.len() > 128 || !key.bytes().all(|b| b.is_ascii_graphic()) {
            return ready(Err(ApiError::field(HEADER, "format", "1 to 128 visible ASCII characters")));
        }
        let target = req.uri().path_and_query().map_or_else(|| req.path().to_owned(), |p| p.as_str().to_owned());
        ready(Ok(IdempotencyKey { key: Some(key.to_owned()), request: format!("{} {target}", req.method()) }))
    }
}
