//! Shaping what a use case answered into HTTP, for the handlers.
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use serde::Serialize;

use crate::use_cases::Once;

/// A retryable use case's answer: the fresh result with `status`, or the first
/// answer again, as it was sent, marked `Idempotent-Replayed: true`.
pub fn once<T: Serialize>(status: StatusCode, answer: Once<T>) -> HttpResponse {
    match answer {
        Once::Done(value) => HttpResponse::build(status).json(value),
        Once::Replayed(first) => HttpResponse::build(StatusCode::from_u16(first.status).unwrap_or(StatusCode::OK))
            .insert_header(("Idempotent-Replayed", "true"))
            .content_type("application/json")
            .body(first.body),
    }
}

/// [`once`], marking a fresh answer with the `ETag` of the version it carries (a
/// replayed answer goes out as it was kept, which was without one).
pub fn once_tagged<T: Serialize>(status: StatusCode, answer: Once<T>, version: impl Fn(&T) -> i64) -> HttpResponse {
    let tag = match &answer {
        Once::Done(value) => Some(crate::extract::etag(version(value))),
        Once::Replayed(_) => None,
    };
    let mut response = once(status, answer);
    if let Some(tag) = tag.and_then(|t| actix_web::http::header::HeaderValue::from_str(&t).ok()) {
        response.headers_mut().insert(actix_web::http::header::ETAG, tag);
    }
    response
}
