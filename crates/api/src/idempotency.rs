//! `Idempotency-Key`: a client that may send a request twice (a retry after a
//! timeout, a double tap) names it with a key; the first answer is kept with the
//! change it made, and the same request with the same key gets that answer again.
use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, HttpResponse};
use aftersales_persistence::ConnectionTrait;
use aftersales_persistence::idempotency::{self, StoredAnswer};
use chrono::Utc;
use futures_util::future::{Ready, ready};
use serde::Serialize;
use uuid::Uuid;

use crate::auth::refresh::hash_token;
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

/// What identifies a request for replay: its path and body.
pub fn request_hash(path: &str, body: &impl Serialize) -> String {
    let text = serde_json::to_string(body).unwrap_or_default();
    hash_token(&format!("{path}\n{text}"))
}

/// The kept answer to this key, if the request was made before; 422 when the key
/// was used for a different request.
pub async fn replay(
    db: &impl ConnectionTrait,
    actor: Uuid,
    key: &IdempotencyKey,
    hash: &str,
) -> Result<Option<HttpResponse>, ApiError> {
    let Some(key) = &key.0 else { return Ok(None) };
    let Some(stored) = idempotency::find(db, actor, key).await? else { return Ok(None) };
    if stored.request_hash != hash {
        return Err(ApiError::field(HEADER, "reused", "this key was used for a different request"));
    }
    let status = StatusCode::from_u16(stored.status).unwrap_or(StatusCode::OK);
    Ok(Some(
        HttpResponse::build(status)
            .insert_header(("Idempotent-Replayed", "true"))
            .content_type("application/json")
            .body(stored.body),
    ))
}

/// Keeps the answer under the key, in the transaction that made the change.
pub async fn keep(
    db: &impl ConnectionTrait,
    actor: Uuid,
    key: &IdempotencyKey,
    hash: String,
    status: StatusCode,
    body: &impl Serialize,
) -> Result<String, ApiError> {
    let text = serde_json::to_string(body).map_err(|e| ApiError::Internal(e.into()))?;
    if let Some(key) = &key.0 {
        let answer = StoredAnswer { request_hash: hash, status: status.as_u16(), body: text.clone() };
        idempotency::store(db, actor, key, answer, Utc::now()).await?;
    }
    Ok(text)
}

/// The write transaction of a request that may be a replay, and the request's
/// hash to keep its answer under.
pub struct Opened {
    pub txn: aftersales_persistence::DatabaseTransaction,
    pub hash: String,
}

/// Opens the write for a request sent with a key: `Err` with the first answer
/// when the same request was made before.
pub async fn open(
    db: &aftersales_persistence::DatabaseConnection,
    actor: Uuid,
    key: &IdempotencyKey,
    path: &str,
    body: &impl Serialize,
) -> Result<Result<Opened, HttpResponse>, ApiError> {
    let hash = request_hash(path, body);
    let txn = aftersales_persistence::begin_write(db).await?;
    if let Some(answer) = replay(&txn, actor, key, &hash).await? {
        return Ok(Err(answer));
    }
    Ok(Ok(Opened { txn, hash }))
}
