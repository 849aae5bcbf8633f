//! `/bench/bare/<path>`: a workload's request served bare (see the module above).
use actix_web::{HttpRequest, HttpResponse, web};
use tokio::sync::OnceCell;

use super::{Call, admin};
use crate::auth::Principal;
use crate::state::AppState;

/// Mounts the bare endpoints (before the real ones' fallback).
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/bench/bare/{tail:.*}").to(bare));
}

/// Read once: the real endpoints read the signed-in user on every request, which
/// is part of what the ceiling leaves out.
static ADMIN: OnceCell<Principal> = OnceCell::const_new();

async fn bare(state: web::Data<AppState>, req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let path = match req.query_string() {
        "" => req.path().trim_start_matches("/bench/bare").to_owned(),
        query => format!("{}?{query}", req.path().trim_start_matches("/bench/bare")),
    };
    let call = match Call::parse(req.method().as_str(), &path, &body) {
        Ok(call) => call,
        Err(e) => return HttpResponse::BadRequest().body(format!("{e:#}")),
    };
    let me = match ADMIN.get_or_try_init(|| admin(&state.db)).await {
        Ok(me) => me,
        Err(e) => return HttpResponse::InternalServerError().body(format!("{e:#}")),
    };
    match call.run(&state.db, me, true).await {
        Ok(json) => HttpResponse::Ok().content_type("application/json").body(json),
        // Only the status: a refusal's problem+json is the real endpoint's work.
        Err(e) => HttpResponse::new(actix_web::ResponseError::status_code(&e)),
    }
}
