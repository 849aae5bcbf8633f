use serde::{Deserialize, Serialize};

/// An RFC 9457 problem document, the body of every error answer
/// (`Content-Type: application/problem+json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "type": "https://aftersales.dev/problems/validation_failed",
    "title": "The request has invalid fields",
    "status": 422,
    "code": "validation_failed",
    "detail": "2 fields are invalid",
    "errors": [{"field": "code", "code": "length", "message": "must be 2 to 16 characters"}]
})))]
pub struct Problem {
    /// A URI naming the kind of problem; stable, one per `code`.
    #[serde(rename = "type")]
    pub problem_type: String,
    /// A short human summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// A stable machine-readable code, e.g. `validation_failed`, `not_found`.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::vocab::ProblemCode))]
    pub code: String,
    /// What went wrong in this occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// For validation problems: every failing field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// One failing field of a request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"field": "currency", "code": "unknown_currency", "message": "'XYZ' is not an ISO 4217 currency code such as VND"})))]
pub struct FieldError {
    /// Path of the field in the request, e.g. `name` or `roles[1]`.
    pub field: String,
    /// A stable code for the rule that failed, e.g. `required`, `length`, `unknown_field`.
    pub code: String,
    /// A human explanation, in English.
    pub message: String,
    /// The rule's limits, for clients that word the message in their reader's
    /// language: `min`, `max` or `equal` of a `length` or `range` rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equal: Option<f64>,
}

impl FieldError {
    /// A field error without limits.
    pub fn new(field: impl Into<String>, code: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError { field: field.into(), code: code.into(), message: message.into(), ..Default::default() }
    }
}
