//! The OpenAPI document: what the API is and its tags (`ApiDoc`), each endpoint's
//! operation as `routes::register` registers it, and the finishing touches declared
//! once here instead of on every handler: the security scheme and the error answers
//! every operation can give.
use actix_web::App;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi as _};
use utoipa_actix_web::AppExt;

use crate::routes;

#[cfg(test)]
mod routed;
mod shapes;

/// Everything in the document but its paths, which `routes::register` adds.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Aftersales API",
        description = "After-sales service platform: service tickets, serials and warranties, parts, money.\n\n\
            Errors are RFC 9457 `application/problem+json` documents with a stable `code`. Lists are \
            cursor-paginated. Updates accept `If-Match` with the `ETag` you read.",
        license(name = "MIT", identifier = "MIT"),
    ),
    tags(
        (name = "auth", description = "Sign in, refresh, sign out"),
        (name = "branches", description = "The service network: head office, regional centres, outlets"),
        (name = "users", description = "People who sign in, their roles and skills"),
        (name = "customers", description = "Individuals and companies the network serves, found in any script"),
        (name = "skills", description = "The catalogue of technician skills"),
        (name = "catalogue", description = "The product catalogue: brands, product categories, product models and their components"),
        (name = "audit", description = "The append-only record of changes"),
        (name = "warranty", description = "Warranty policies and the entitlement decision"),
        (name = "serials", description = "The registry of sold units: serials, owners, swapped parts, contracts and history"),
        (name = "service-catalogue", description = "Per product category: the symptom, diagnosis and resolution code lists, and the priced service catalogue labour lines are taken from"),
        (name = "imports", description = "Bulk import of product models and sold serials from CSV or XLSX, and export to XLSX"),
        (name = "tickets", description = "Service tickets: intake, details, stage transitions, timeline, warranty snapshot"),
        (name = "workflows", description = "Ticket workflows per kind (stages, guarded steps) and the ticket desk's settings"),
        (name = "tracking", description = "Public ticket tracking for customers, by the code on their receipt, without signing in"),
        (name = "followups", description = "After the work: the callback to the customer and complaints"),
        (name = "dispatch", description = "Sending technicians to tickets, and the dispatch board"),
        (name = "stock", description = "Stock on hand per warehouse, its append-only ledger, receiving and issuing parts, counter sales of parts, stocktakes, the old parts technicians owe back, and their return to the manufacturer"),
        (name = "transfers", description = "Stock moving between warehouses: drafted, shipped all at once, received in part or in full, what never arrived written down"),
        (name = "purchasing", description = "Purchase orders to suppliers and manufacturers, received into a warehouse at the ordered cost"),
        (name = "parts", description = "Spare parts: the parts catalogue and the warehouses parts are kept in (central, regional, outlet, technician van, defective)"),
        (name = "reports", description = "Stock reports over your branches' warehouses (stock on hand, movements over a period, parts used for tickets, parts below their reorder point, old parts owed past their due time), as JSON or, at the same path with `.xlsx`, as a workbook"),
        (name = "partners", description = "Repair shops, e-commerce platforms, manufacturers and dealers, and the API keys their systems call the ticket endpoints with"),
        (name = "orders", description = "E-commerce platforms' orders: the sold units they register, the installation tickets they open, their marketplace lifecycle, and the returns and exchanges asked for on them, decided by the network"),
        (name = "webhooks", description = "Partners' endpoints subscribed to events, signed by the Standard Webhooks scheme (webhook-id, webhook-timestamp, webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>), retried for more than a day, with a delivery log and replay"),
        (name = "operations", description = "Health and readiness"),
    ),
    modifiers(&BearerAuth),
)]
struct ApiDoc;

/// The document as served and committed. Building an `App` only collects the
/// services, so no server needs to run.
pub fn document() -> OpenApi {
    let (_, mut openapi) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(|cfg| routes::register(cfg))
        .split_for_parts();
    CommonErrors.modify(&mut openapi);
    crate::openapi_idempotency::declare(&mut openapi);
    shapes::pages_refer_to_their_items(&mut openapi);
    shapes::files_are_binary(&mut openapi);
    openapi
}

/// The document as served and committed, as JSON.
pub fn openapi_json() -> String {
    document().to_pretty_json().unwrap_or_default()
}

/// The access token scheme the secured operations name.
struct BearerAuth;

impl Modify for BearerAuth {
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
        // A partner's key: `X-Api-Key: ask_live_…`, or the same text as a bearer
        // token. Declared only on the endpoints a key may call.
        components.add_security_scheme(
            "api_key",
            SecurityScheme::ApiKey(utoipa::openapi::security::ApiKey::Header(
                utoipa::openapi::security::ApiKeyValue::with_description(
                    "X-Api-Key",
                    "A partner's API key (ask_live_<8 hex>_<64 hex>) from POST /api/v1/partners/{id}/api-keys; \
                     also accepted as Authorization: Bearer. Limited per key (429 with Retry-After).",
                ),
            )),
        );
    }
}

/// The error answers every operation can give; run once the paths are in.
struct CommonErrors;

impl Modify for CommonErrors {
    fn modify(&self, openapi: &mut OpenApi) {
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
    let checks_version =
        op.parameters.iter().flatten().any(|p| matches!(p, RefOr::T(p) if p.name.eq_ignore_ascii_case("If-Match")));
    let mut add = |status: &str, description: &str| {
        op.responses.responses.entry(status.to_owned()).or_insert_with(|| problem(description));
    };
    if has_body {
        add("400", "The body is not valid JSON");
        add("413", "The body is too large");
        add("415", "The body is not application/json");
    }
    add("422", "Invalid fields; `errors` lists each one");
    if checks_version {
        add("412", "The record changed since you read it (If-Match names an older version); reload and retry");
    }
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
