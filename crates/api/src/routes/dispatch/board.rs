use actix_web::{HttpResponse, get, web};
use aftersales_api_types::dispatch::{BoardQuery, DispatchBoard};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::dispatch::board::board;

/// The dispatch board of a branch for one day in the branch's time zone.
///
/// Every active technician of the branch with their jobs that day (tickets not
/// closed whose appointment starts that day, wherever they are) and their load
/// against the daily limit, and the branch's unfinished tickets nobody is assigned
/// to, oldest first.
#[utoipa::path(
    get, path = "/api/v1/dispatch-board", tag = "dispatch", operation_id = "dispatch_board",
    security(("bearer" = [])),
    params(BoardQuery),
    responses((status = 200, description = "The board", body = DispatchBoard))
)]
#[get("/api/v1/dispatch-board")]
pub async fn dispatch_board(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::DispatchTickets>,
    ValidatedQuery(query): ValidatedQuery<BoardQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(board(&state.db, &me, query).await?))
}
