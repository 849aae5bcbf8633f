//! Finishing touches on the generated OpenAPI document: the security scheme and
//! the error answers every operation can give, declared once here instead of on
//! every handler.
use utoipa::Modify;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, ResponseBuilder};

pub struct ApiModifiers;

impl Modify for ApiModifiers {
    fn modify(&self, openapi: &mut OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("Access token from POST /api/v1/auth/login"))
                    .build(),
            ),
        );
        for item in openapi.paths.paths.values_mut() {
            let operations = [&mut item.get, &mut item.post, &mut item.put, &mut item.patch, &mut item.delete];
            for op in operations.into_iter().flatten() {
                add_common_errors(op);
            }
        }
    }
}

fn add_common_errors(op: &mut Operation) {
    let has_body = op.request_body.is_some();
    let secured = op.security.as_ref().is_some_and(|s| !s.is_empty());
    let mut add = |status: &str, description: &str| {
        op.responses.responses.entry(status.to_owned()).or_insert_with(|| problem(description));
    };
    if has_body {
        add("400", "The body is not valid JSON");
        add("413", "The body is too large");
        add("415", "The body is not application/json");
    }
    add("422", "Invalid fields; `errors` lists each one");
    if secured {
        add("401", "Missing, invalid or expired access token");
        add("403", "Your roles do not allow this");
    }
    add("500", "Unexpected error; quote the x-request-id header when reporting it");
    add("503", "The database is busy (e.g. with a bulk import); retry after `Retry-After` seconds");
}

fn problem(description: &str) -> RefOr<utoipa::openapi::Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/problem+json",
                ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build(),
            )
            .build(),
    )
}
