//! Shaping what a use case answered into HTTP, for the handlers.
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName};
use actix_web::{HttpResponse, HttpResponseBuilder};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::extract::etag;
use crate::use_cases::Once;

/// A retryable use case's answer: the fresh result with `status`, or the first
/// answer again, as it was sent, marked `Idempotent-Replayed: true`.
pub fn once<T: Serialize>(status: StatusCode, answer: Once<T>) -> HttpResponse {
    match answer {
        Once::Done(value) => HttpResponse::build(status).json(value),
        Once::Replayed(first) => replayed(&first).body(first.body),
    }
}

/// [`once`], with headers taken from the answer (its `Location`, its `ETag`): a
/// replayed answer is read back into `T` for them, so a retry gets the same
/// headers as the first answer.
pub fn once_with<T, H>(status: StatusCode, answer: Once<T>, headers: H) -> HttpResponse
where
    T: Serialize + DeserializeOwned,
    H: Fn(&T) -> Vec<(HeaderName, String)>,
{
    match answer {
        Once::Done(value) => {
            let mut response = HttpResponse::build(status);
            for pair in headers(&value) {
                response.insert_header(pair);
            }
            response.json(value)
        }
        Once::Replayed(first) => {
            let mut response = replayed(&first);
            if let Ok(value) = serde_json::from_str::<T>(&first.body) {
                for pair in headers(&value) {
                    response.insert_header(pair);
                }
            }
            response.body(first.body)
        }
    }
}

/// [`once_with`] marking the answer with the `ETag` of the version it carries.
pub fn once_tagged<T: Serialize + DeserializeOwned>(
    status: StatusCode,
    answer: Once<T>,
    version: impl Fn(&T) -> i64,
) -> HttpResponse {
    once_with(status, answer, |value| vec![(header::ETAG, etag(version(value)))])
}

/// A created resource: 201 with its `Location` and the `ETag` of its version.
pub fn created<T: Serialize + DeserializeOwned>(
    answer: Once<T>,
    location: impl Fn(&T) -> String,
    version: impl Fn(&T) -> i64,
) -> HttpResponse {
    once_with(StatusCode::CREATED, answer, |value| {
        vec![(header::LOCATION, location(value)), (header::ETAG, etag(version(value)))]
    })
}

/// A created resource without a version: 201 with its `Location`.
pub fn created_at<T: Serialize + DeserializeOwned>(answer: Once<T>, location: impl Fn(&T) -> String) -> HttpResponse {
    once_with(StatusCode::CREATED, answer, |value| vec![(header::LOCATION, location(value))])
}

fn replayed(first: &aftersales_persistence::idempotency::StoredAnswer) -> HttpResponseBuilder {
    let mut response = HttpResponse::build(StatusCode::from_u16(first.status).unwrap_or(StatusCode::OK));
    response.insert_header(("Idempotent-Replayed", "true")).content_type("application/json");
    response
}
