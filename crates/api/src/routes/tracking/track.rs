use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::tracking::{LangQuery, PublicTracking};

use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::tracking::track::track;

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
    let view = track(&state.db, &code, query).await?;
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(view))
}
