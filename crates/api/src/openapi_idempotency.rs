//! The `Idempotency-Key` header in the OpenAPI document: declared once here, the
//! same way on every POST that honours it (all but `idempotency::NOT_RETRYABLE`),
//! instead of on each handler, so a new POST cannot forget it.
use utoipa::openapi::path::{Operation, Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::{ObjectBuilder, OpenApi, RefOr, Required, Type};

use crate::idempotency::{HEADER, KEEP_HOURS, NOT_RETRYABLE};

/// Adds the header to every retryable POST operation of `openapi`.
pub fn declare(openapi: &mut OpenApi) {
    for (path, item) in &mut openapi.paths.paths {
        if NOT_RETRYABLE.contains(&path.as_str()) {
            continue;
        }
        if let Some(op) = item.post.as_mut() {
            add_to(op);
        }
    }
}

fn add_to(op: &mut Operation) {
    let parameters = op.parameters.get_or_insert_with(Vec::new);
    parameters.retain(|p| !matches!(p, RefOr::T(p) if p.name.eq_ignore_ascii_case(HEADER)));
    parameters.push(RefOr::T(parameter()));
}

fn parameter() -> Parameter {
    let schema = ObjectBuilder::new()
        .schema_type(Type::String)
        .min_length(Some(1))
        .max_length(Some(128))
        .pattern(Some(r"^[\x21-\x7E]+$"));
    let description = format!(
        "Your name for this request (1 to 128 visible ASCII characters, e.g. a UUID), to make a retry safe. \
         The same request (method, path and body) sent again with the same key by the same user gets the \
         first answer again, status and body, marked `Idempotent-Replayed: true`, and nothing is done twice, \
         even when the two arrive at the same moment. The same key with a different request is refused (422 \
         naming `{HEADER}`). Only successful answers are kept, so a refused request may be corrected and \
         sent again under the same key. Keys are kept for {KEEP_HOURS} hours."
    );
    ParameterBuilder::new()
        .name(HEADER)
        .parameter_in(ParameterIn::Header)
        .required(Required::False)
        .description(Some(description))
        .schema(Some(schema))
        .build()
}
