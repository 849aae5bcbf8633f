use actix_web::{HttpResponse, get};
use aftersales_api_types::followups::CallbackQuestion;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::use_cases::followups::script::script;

/// The callback script: the questions to ask the customer, in order.
///
/// Send the answers to `POST /api/v1/tickets/{id}/callback` keyed by `code`.
#[utoipa::path(
    get, path = "/api/v1/callback-script", tag = "followups", operation_id = "callback_script",
    security(("bearer" = [])),
    responses((status = 200, description = "The questions, in the order to ask them", body = Vec<CallbackQuestion>))
)]
#[get("/api/v1/callback-script")]
pub async fn callback_script(_me: Authorized<need::ViewTickets>) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(script()))
}
