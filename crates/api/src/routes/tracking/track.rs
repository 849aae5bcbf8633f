use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::tracking::{LangQuery, PublicTracking};
use aftersales_domain::tickets::tracking::{ALPHABET, CODE_LENGTH, normalize_code};
use aftersales_persistence::tickets::{self, events};
use aftersales_persistence::{branches, workflows};

use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::tickets::public_track::public_view;
use crate::use_cases::tickets::tracking::hash_code;

/// Follow a ticket with its tracking code, without signing in.
///
/// The code is read as people type it (any case, spaces and dashes ignored). The
/// answer holds only the ticket number, kind, stage categories and their names in
/// `lang`, dates and the branch: nothing about the customer, the unit, the
/// technician or prices. An unknown code and a malformed one get the same 404.
/// Look-ups are limited per client address (429 with `Retry-After`).
#[utoipa::path(
    get, path = "/api/v1/public/track/{code}", tag = "tracking", operation_id = "track_ticket",
    params(("code" = String, Path, description = "The tracking code from the receipt, e.g. `ABCD-EF23-4567`"), LangQuery),
    responses(
        (status = 200, description = "The ticket's progress", body = PublicTracking),
        (status = 404, description = "No ticket has this code", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many look-ups from this address",
            body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
#[get("/api/v1/public/track/{code}")]
pub async fn track_ticket(
    state: web::Data<AppState>,
    req: HttpRequest,
    code: web::Path<String>,
    ValidatedQuery(query): ValidatedQuery<LangQuery>,
) -> Result<HttpResponse, ApiError> {
    if let Some(addr) = req.peer_addr() {
        state.track_limiter.check(addr.ip())?;
    }
    let unknown = || ApiError::NotFound("no ticket has this tracking code".into());
    // The code's shape is public, so refusing a malformed one before the look-up
    // tells nothing; a well-formed one is found by its hash only.
    let typed = normalize_code(&code);
    if typed.len() != CODE_LENGTH || !typed.bytes().all(|b| ALPHABET.contains(&b)) {
        return Err(unknown());
    }
    let ticket = tickets::find_by_tracking_hash(&state.db, &hash_code(&typed)).await?.ok_or_else(unknown)?;
    let workflow = workflows::get(&state.db, ticket.kind).await?.workflow;
    let changes = events::stage_changes(&state.db, ticket.id).await?;
    let branch = branches::find(&state.db, ticket.branch_id).await?;
    let view = public_view(&ticket, &workflow, &changes, &branch, query.lang.unwrap_or_default())?;
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(view))
}
