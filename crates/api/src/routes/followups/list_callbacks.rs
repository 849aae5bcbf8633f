use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::followups::{CallbackDto, CallbackQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::followups::list_callbacks::list;

/// The callback work list: callback tasks of tickets in your part of the network,
/// the earliest due first.
///
/// `overdue=true` lists the pending ones past their due time.
#[utoipa::path(
    get, path = "/api/v1/callbacks", tag = "followups", operation_id = "list_callbacks",
    security(("bearer" = [])),
    params(CallbackQuery),
    responses((status = 200, description = "One page of callback tasks", body = Page<CallbackDto>))
)]
#[get("/api/v1/callbacks")]
pub async fn list_callbacks(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::HandleFollowUps>,
    ValidatedQuery(query): ValidatedQuery<CallbackQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(list(&state.db, &me, query).await?))
}
