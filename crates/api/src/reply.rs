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
