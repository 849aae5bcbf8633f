//! `Idempotency-Key`: a client that may send a request twice (a retry after a
//! timeout, a double tap) names it with a key; the first answer is kept with the
//! change it made, and the same request with the same key gets that answer again
//! (kept and replayed by the unit of work, `use_cases::Work::begin_retryable`).
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::{Ready, ready};

use crate::error::ApiError;

pub const HEADER: &str = "Idempotency-Key";

/// The key the client sent, if any: 1 to 128 visible ASCII characters.
pub struct IdempotencyKey(pub Option<String>);

impl FromRequest for IdempotencyKey {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let Some(raw) = req.headers().get(HEADER) else { return ready(Ok(IdempotencyKey(None))) };
        let key = raw.to_str().unwrap_or_default().trim();
        if key.is_empty() || key.len() > 128 || !key.bytes().all(|b| b.is_ascii_graphic()) {
            return ready(Err(ApiError::field(HEADER, "format", "1 to 128 visible ASCII characters")));
        }
        ready(Ok(IdempotencyKey(Some(key.to_owned()))))
    }
}
