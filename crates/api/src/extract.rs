//! Request extractors that turn bad input into problem answers naming the field:
//! `ValidatedJson`, `ValidatedQuery`, `IfMatch`, and the request id.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use aftersales_api_types::FieldError;
use futures_util::StreamExt;
use futures_util::future::{LocalBoxFuture, Ready, ready};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use validator::Validate;

use crate::error::{ApiError, validation_errors};
use crate::state::AppState;

/// A JSON body, deserialized with field paths and checked with `validator`.
/// Wrong content type → 415, too big → 413, not JSON → 400, wrong shape or
/// invalid values → 422 listing every failing field.
pub struct ValidatedJson<T>(pub T);

impl<T: DeserializeOwned + Validate + 'static> FromRequest for ValidatedJson<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req.app_data::<web::Data<AppState>>().map_or(1 << 20, |s| s.config.max_body_bytes);
        let is_json = req.mime_type().ok().flatten().is_some_and(|m| {
            m.subtype() == mime_json_subtype() || m.suffix().is_some_and(|s| s == mime_json_subtype())
        });
        let declared_length = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            if !is_json {
                return Err(ApiError::UnsupportedMediaType("send the body as Content-Type: application/json".into()));
            }
            if declared_length.is_some_and(|len| len > limit) {
                return Err(ApiError::PayloadTooLarge(limit));
            }
            let mut body = web::BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|e| ApiError::Malformed(format!("the body could not be read: {e}")))?;
                if body.len() + chunk.len() > limit {
                    return Err(ApiError::PayloadTooLarge(limit));
                }
                body.extend_from_slice(&chunk);
            }
            let value: T = parse_json(&body)?;
            value.validate().map_err(|e| ApiError::Validation(validation_errors(&e)))?;
            Ok(ValidatedJson(value))
        })
    }
}

fn mime_json_subtype() -> mime::Name<'static> {
    mime::JSON
}

fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    // serde would also fill a struct from an array (`[null, null]`); every body of
    // this API is an object, so anything else is refused up front.
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    if matches!(first, Some(b'[' | b'"' | b'0'..=b'9' | b'-' | b't' | b'f' | b'n')) {
        return Err(ApiError::field("body", "invalid_type", "the body must be a JSON object"));
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    let mut value = serde_json::Value::deserialize(&mut de)
        .map_err(|inner| ApiError::Malformed(format!("the body is not valid JSON: {inner}")))?;
    // serde stops at the end of the first value; a second one (`{..}{..}`) would
    // otherwise be dropped without a word, and the client believe it was read.
    de.end().map_err(|_| {
        ApiError::Malformed("the body has more after its JSON value; send exactly one JSON object".into())
    })?;
    integral_numbers_as_integers(&mut value);
    serde_path_to_error::deserialize(value).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        ApiError::Validation(vec![shape_error(&path, &strip_position(&inner.to_string()))])
    })
}

/// JSON has one number type: `278.0` is the integer 278 to JSON Schema (and to the
/// clients and fuzzers that follow the spec), so it is accepted wherever an integer
/// is. Amounts of money are strings, so no float is ever meant here.
fn integral_numbers_as_integers(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Number(n) if n.is_f64() => {
            let Some(f) = n.as_f64() else { return };
            // Beyond 2^53 a float no longer names one integer; leave it to be refused.
            if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
                #[allow(clippy::cast_possible_truncation)]
                let whole = f as i64;
                *value = Value::from(whole);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integral_numbers_as_integers),
        Value::Object(fields) => fields.values_mut().for_each(integral_numbers_as_integers),
        _ => {}
    }
}

/// serde's messages end with " at line 1 column 9", which means nothing to a client.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// A field error for a body or query of the wrong shape. serde names a missing or
/// unknown field only in its message (`missing field \`name\``), so it is taken from there.
fn shape_error(path: &str, message: &str) -> FieldError {
    let quoted = message.split('`').nth(1).map(str::to_owned);
    let join = |name: String| if path.is_empty() || path == "." { name } else { format!("{path}.{name}") };
    let (field, code) = if message.starts_with("missing field") {
        (quoted.map(join).unwrap_or_else(|| path.to_owned()), "required")
    } else if message.starts_with("unknown field") {
        // Here the path already ends at the unknown field.
        let at_field = !path.is_empty() && path != ".";
        (if at_field { path.to_owned() } else { quoted.unwrap_or_default() }, "unknown_field")
    } else {
        (path.to_owned(), "invalid_value")
    };
    let field = if field.is_empty() || field == "." { "body".to_owned() } else { field };
    FieldError::new(field, code, message.to_owned())
}

/// Query parameters, deserialized with field paths and validated; 422 on failure.
pub struct ValidatedQuery<T>(pub T);

impl<T: DeserializeOwned + Validate> FromRequest for ValidatedQuery<T> {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let pairs = form_urlencoded::parse(req.query_string().as_bytes());
        let de = serde_urlencoded::Deserializer::new(pairs);
        let result = serde_path_to_error::deserialize::<_, T>(de)
            .map_err(|err| {
                let path = err.path().to_string();
                ApiError::Validation(vec![shape_error(&path, &err.into_inner().to_string())])
            })
            .and_then(|value| {
                value.validate().map_err(|e| ApiError::Validation(validation_errors(&e)))?;
                Ok(ValidatedQuery(value))
            });
        ready(result)
    }
}

/// The version in an `If-Match` header (`"3"` or `W/"3"`); `None` when absent or `*`.
///
/// A value that names no version (empty, `null`, a word) is a 422 naming the
/// header: it is a malformed request, not a stale version (412).
pub struct IfMatch(pub Option<i64>);

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let Some(raw) = req.headers().get(header::IF_MATCH) else { return ready(Ok(IfMatch(None))) };
        let text = raw.to_str().unwrap_or_default().trim();
        if text == "*" {
            return ready(Ok(IfMatch(None)));
        }
        let bare = text.trim_start_matches("W/").trim_matches('"');
        ready(match bare.parse::<i64>() {
            Ok(version) => Ok(IfMatch(Some(version))),
            Err(_) => Err(ApiError::field("If-Match", "format", "a version as the ETag gave it, such as \"3\", or *")),
        })
    }
}

/// The `ETag` of a resource at a version.
pub fn etag(version: i64) -> String {
    format!("\"{version}\"")
}

/// The id of the current request, as sent in the `x-request-id` response header.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

impl FromRequest for RequestId {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let id = req.extensions().get::<RequestId>().cloned().unwrap_or_else(|| RequestId(String::new()));
        ready(Ok(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        name: String,
        count: u32,
    }

    fn fields(err: ApiError) -> Vec<(String, String)> {
        match err {
            ApiError::Validation(list) => list.into_iter().map(|e| (e.field, e.code)).collect(),
            other => vec![("not a validation error".into(), other.to_string())],
        }
    }

    #[test]
    fn a_missing_field_is_named() {
        let err = parse_json::<Sample>(br#"{"name":"x"}"#).err().map(fields).unwrap_or_default();
        assert_eq!(err, vec![("count".to_owned(), "required".to_owned())]);
    }

    #[test]
    fn an_unknown_field_is_named() {
        let err =
            parse_json::<Sample>(br#"{"name":"x","count":1,"colour":"red"}"#).err().map(fields).unwrap_or_default();
        assert_eq!(err, vec![("colour".to_owned(), "unknown_field".to_owned())]);
    }

    #[test]
    fn a_value_of_the_wrong_type_is_named() {
        let err = parse_json::<Sample>(br#"{"name":"x","count":"many"}"#).err().map(fields).unwrap_or_default();
        assert_eq!(err, vec![("count".to_owned(), "invalid_value".to_owned())]);
    }

    #[test]
    fn an_array_is_not_accepted_for_an_object() {
        let err = parse_json::<Sample>(b" [\"x\", 1]").err().map(fields).unwrap_or_default();
        assert_eq!(err, vec![("body".to_owned(), "invalid_type".to_owned())]);
    }

    #[test]
    fn anything_after_the_value_is_malformed() {
        let body = br#"{"name":"x","count":1}{"name":"y"}"#;
        assert!(matches!(parse_json::<Sample>(body), Err(ApiError::Malformed(_))));
        assert!(matches!(parse_json::<Sample>(br#"{"name":"x","count":1} x"#), Err(ApiError::Malformed(_))));
    }

    #[test]
    fn a_whole_number_written_with_a_point_is_an_integer() {
        assert!(parse_json::<Sample>(br#"{"name":"x","count":278.0}"#).is_ok());
        let err = parse_json::<Sample>(br#"{"name":"x","count":2.5}"#).err().map(fields).unwrap_or_default();
        assert_eq!(err, vec![("count".to_owned(), "invalid_value".to_owned())]);
    }

    #[test]
    fn whitespace_after_the_value_is_fine() {
        assert!(parse_json::<Sample>(b"{\"name\":\"x\",\"count\":1}\n\r\t ").is_ok());
    }

    #[test]
    fn broken_json_is_malformed_not_invalid() {
        assert!(matches!(parse_json::<Sample>(br#"{"name":"#), Err(ApiError::Malformed(_))));
    }
}
