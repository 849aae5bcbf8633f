//! One error type for every handler, mapped to an RFC 9457 problem answer here and
//! nowhere else. Unexpected errors are logged with their whole chain and answer an
//! opaque 500: nothing internal reaches the client.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use aftersales_api_types::vocab::ProblemCode;
use aftersales_api_types::{FieldError, Problem};
use aftersales_persistence::StoreError;

pub const PROBLEM_JSON: &str = "application/problem+json";

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    Malformed(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("the body is larger than {0} bytes")]
    PayloadTooLarge(usize),
    #[error("{} invalid field(s)", .0.len())]
    Validation(Vec<FieldError>),
    #[error("{0}")]
    Unauthenticated(&'static str),
    #[error("wrong username or password")]
    InvalidCredentials,
    #[error("{0}")]
    Forbidden(&'static str),
    #[error("{0}")]
    NotFound(String),
    #[error("no route matches {0}")]
    RouteNotFound(String),
    #[error("{method} is not allowed here; use {allow}")]
    MethodNotAllowed { method: String, allow: String },
    #[error("{0}")]
    Conflict(String),
    /// A conflict with the state of named things (stock on hand, a count sheet's
    /// lines): each is listed in `errors` (`field` = where the request or the
    /// record names it, `code` = what stands in the way).
    #[error("{message}")]
    ConflictAt { message: String, errors: Vec<FieldError> },
    #[error("the record was changed by someone else; reload it and try again")]
    PreconditionFailed,
    /// A workflow step whose conditions are not met; each failing guard is listed
    /// in `errors` (`field` = the guard's code).
    #[error("{message}")]
    GuardsFailed { message: String, guards: Vec<FieldError> },
    /// A dispatch that needs a second look; each warning is listed in `errors`
    /// (`field` = the warning's code). Sent again with an override, it goes through.
    #[error("{message}")]
    DispatchWarnings { message: String, warnings: Vec<FieldError> },
    #[error("too many requests; retry in {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    #[error("{0}")]
    Unavailable(&'static str),
    #[error("the database is busy with a long write (e.g. a bulk import); retry in a few seconds")]
    Busy,
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl ApiError {
    /// A 422 for one field.
    pub fn field(field: &str, code: &str, message: impl Into<String>) -> Self {
        ApiError::Validation(vec![FieldError::new(field, code, message)])
    }

    /// A 409 about one field: `message` is the detail, the field error says what
    /// stands in the way (`code`) in a few words (`short`).
    pub fn conflict_at(field: &str, code: &str, short: impl Into<String>, message: impl Into<String>) -> Self {
        ApiError::ConflictAt { message: message.into(), errors: vec![FieldError::new(field, code, short)] }
    }

    pub fn not_found(what: &str) -> Self {
        ApiError::NotFound(format!("{what} not found"))
    }

    /// The same problem with its fields named where the caller's request has them,
    /// for a use case called from within another (`serial` → `lines[1].serial`,
    /// `phones[0]` → `customer.phones[0]`).
    pub fn with_fields_renamed(self, rename: impl Fn(&str) -> String) -> Self {
        let renamed =
            |errors: Vec<FieldError>| errors.into_iter().map(|e| FieldError { field: rename(&e.field), ..e }).collect();
        match self {
            ApiError::Validation(errors) => ApiError::Validation(renamed(errors)),
            ApiError::ConflictAt { message, errors } => ApiError::ConflictAt { message, errors: renamed(errors) },
            other => other,
        }
    }

    /// The stable machine code and the human title of each kind of problem.
    fn kind(&self) -> (ProblemCode, &'static str) {
        use ProblemCode as C;
        match self {
            ApiError::Malformed(_) => (C::MalformedRequest, "The request could not be read"),
            ApiError::UnsupportedMediaType(_) => (C::UnsupportedMediaType, "Unsupported content type"),
            ApiError::PayloadTooLarge(_) => (C::PayloadTooLarge, "The request body is too large"),
            ApiError::Validation(_) => (C::ValidationFailed, "The request has invalid fields"),
            ApiError::Unauthenticated(_) => (C::Unauthenticated, "Authentication required"),
            ApiError::InvalidCredentials => (C::InvalidCredentials, "Sign-in failed"),
            ApiError::Forbidden(_) => (C::Forbidden, "Not allowed"),
            ApiError::NotFound(_) => (C::NotFound, "Not found"),
            ApiError::RouteNotFound(_) => (C::RouteNotFound, "No such endpoint"),
            ApiError::MethodNotAllowed { .. } => (C::MethodNotAllowed, "Method not allowed"),
            ApiError::Conflict(_) | ApiError::ConflictAt { .. } => (C::Conflict, "Conflict"),
            ApiError::PreconditionFailed => (C::VersionMismatch, "The record has changed"),
            ApiError::GuardsFailed { .. } => (C::GuardFailed, "The step's conditions are not met"),
            ApiError::DispatchWarnings { .. } => (C::DispatchWarnings, "The dispatch needs an override"),
            ApiError::RateLimited { .. } => (C::RateLimited, "Too many requests"),
            ApiError::Unavailable(_) => (C::Unavailable, "Service unavailable"),
            ApiError::Busy => (C::Busy, "Busy, retry shortly"),
            ApiError::Internal(_) => (C::InternalError, "Internal server error"),
        }
    }

    pub fn problem(&self) -> Problem {
        let (code, title) = self.kind();
        let status = self.status_code();
        let errors = match self {
            ApiError::Validation(errors)
            | ApiError::GuardsFailed { guards: errors, .. }
            | ApiError::DispatchWarnings { warnings: errors, .. }
            | ApiError::ConflictAt { errors, .. } => errors.clone(),
            _ => Vec::new(),
        };
        let detail = match self {
            ApiError::Internal(_) => {
                "the error has been logged; quote the x-request-id header when reporting it".to_owned()
            }
            ApiError::Validation(errors) => {
                let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
                format!("invalid: {}", fields.join(", "))
            }
            other => other.to_string(),
        };
        Problem {
            problem_type: format!("https://aftersales.dev/problems/{}", code.as_str()),
            title: title.to_owned(),
            status: status.as_u16(),
            code: code.as_str().to_owned(),
            detail: Some(detail),
            errors,
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::Malformed(_) => StatusCode::BAD_REQUEST,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Unauthenticated(_) | ApiError::InvalidCredentials => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) | ApiError::RouteNotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Conflict(_)
            | ApiError::ConflictAt { .. }
            | ApiError::GuardsFailed { .. }
            | ApiError::DispatchWarnings { .. } => StatusCode::CONFLICT,
            ApiError::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable(_) | ApiError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let ApiError::Internal(err) = self {
            tracing::error!(error = ?err, "request failed");
        }
        let mut response = HttpResponse::build(self.status_code());
        response.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON)));
        match self {
            ApiError::MethodNotAllowed { allow, .. } => {
                response.insert_header((header::ALLOW, allow.as_str()));
            }
            ApiError::RateLimited { retry_after_secs } => {
                response.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            ApiError::Busy => {
                response.insert_header((header::RETRY_AFTER, "5"));
            }
            ApiError::Unauthenticated(_) | ApiError::InvalidCredentials => {
                response.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            _ => {}
        }
        response.body(serde_json::to_string(&self.problem()).unwrap_or_default())
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound => ApiError::NotFound("not found".into()),
            StoreError::Conflict(message) => ApiError::Conflict(message),
            StoreError::StaleVersion => ApiError::PreconditionFailed,
            StoreError::Busy => ApiError::Busy,
            StoreError::Corrupt(what) => ApiError::Internal(anyhow::anyhow!(what)),
            StoreError::Db(e) => ApiError::Internal(e.into()),
        }
    }
}

impl From<aftersales_persistence::DbErr> for ApiError {
    fn from(err: aftersales_persistence::DbErr) -> Self {
        ApiError::from(StoreError::from(err))
    }
}

/// Maps `validator`'s report to field errors with dotted/indexed paths.
pub fn validation_errors(errors: &validator::ValidationErrors) -> Vec<FieldError> {
    let mut out = Vec::new();
    collect(errors, "", &mut out);
    out.sort_by(|a, b| a.field.cmp(&b.field));
    out
}

fn collect(errors: &validator::ValidationErrors, prefix: &str, out: &mut Vec<FieldError>) {
    use validator::ValidationErrorsKind;
    for (field, kind) in errors.errors() {
        let path = if prefix.is_empty() { field.to_string() } else { format!("{prefix}.{field}") };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for e in list {
                    let message = e.message.as_deref().map(str::to_owned).unwrap_or_else(|| describe(e));
                    let limit = |k: &str| e.params.get(k).and_then(serde_json::Value::as_f64);
                    out.push(FieldError {
                        field: path.clone(),
                        code: e.code.to_string(),
                        message,
                        min: limit("min"),
                        max: limit("max"),
                        equal: limit("equal"),
                    });
                }
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect(inner, &format!("{path}[{index}]"), out);
                }
            }
        }
    }
}

/// A readable message for the built-in rules, which carry parameters but no text.
fn describe(e: &validator::ValidationError) -> String {
    let p = |k: &str| e.params.get(k).map(|v| v.to_string());
    match e.code.as_ref() {
        "length" => match (p("min"), p("max"), p("equal")) {
            (_, _, Some(eq)) => format!("must be exactly {eq} long"),
            (Some(min), Some(max), _) => format!("must be {min} to {max} long"),
            (Some(min), None, _) => format!("must be at least {min} long"),
            (None, Some(max), _) => format!("must be at most {max} long"),
            _ => "has the wrong length".into(),
        },
        "range" => match (p("min"), p("max")) {
            (Some(min), Some(max)) => format!("must be between {min} and {max}"),
            _ => "is out of range".into(),
        },
        "email" => "must be an e-mail address".into(),
        other => format!("is invalid ({other})"),
    }
}

/// Names the missing thing in a repository's "not found".
pub trait NotFoundAs<T> {
    fn or_not_found(self, what: &str) -> Result<T, ApiError>;
}

impl<T> NotFoundAs<T> for Result<T, StoreError> {
    fn or_not_found(self, what: &str) -> Result<T, ApiError> {
        self.map_err(|e| match e {
            StoreError::NotFound => ApiError::not_found(what),
            other => ApiError::from(other),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::body::MessageBody;

    #[test]
    fn a_validation_problem_lists_every_field_with_a_stable_code() {
        let err = ApiError::Validation(vec![
            FieldError::new("code", "length", "must be 2 to 16 long"),
            FieldError::new("name", "blank", "must not be blank"),
        ]);
        let response = err.error_response();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()), Some(PROBLEM_JSON));
        let body = response.into_body().try_into_bytes().unwrap_or_default();
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
        assert_eq!(json["code"], "validation_failed");
        assert_eq!(json["status"], 422);
        assert_eq!(json["type"], "https://aftersales.dev/problems/validation_failed");
        assert_eq!(json["errors"][1]["field"], "name");
    }

    #[test]
    fn an_internal_error_reveals_nothing() {
        let err = ApiError::Internal(anyhow::anyhow!("password=hunter2 at db.rs:12"));
        let body = err.error_response().into_body().try_into_bytes().unwrap_or_default();
        let text = String::from_utf8_lossy(&body);
        assert!(!text.contains("hunter2"));
        assert!(text.contains("internal_error"));
    }
}
