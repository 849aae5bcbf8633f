use actix_web::{HttpResponse, get};
use aftersales_api_types::followups::CallbackQuestion;
use aftersales_domain::tickets::callback::{AnswerKind, SCRIPT};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::use_cases::tickets::wire_enum;

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
    let questions = SCRIPT
        .iter()
        .map(|q| {
            Ok(CallbackQuestion {
                code: q.code.into(),
                kind: wire_enum(match q.kind {
                    AnswerKind::YesNo => "yes_no",
                    AnswerKind::Score => "score",
                    AnswerKind::Text => "text",
                })?,
                text: q.text.into(),
                required: q.required,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(HttpResponse::Ok().json(questions))
}
