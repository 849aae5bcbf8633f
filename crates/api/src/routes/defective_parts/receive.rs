use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::defective_parts::{DefectiveReceipt, ReceiveDefectivePart};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::defective_parts::receive::receive;

/// Hand in an old part a technician owes into a defective-parts warehouse of your
/// part of the network (422 naming `warehouse_id` for any other kind). It enters
/// the ledger as a `defective_return` at the warehouse's average cost (nothing, on
/// a quarantine shelf of old parts). A part no longer owed answers 409. Send an
/// `Idempotency-Key` to make a retry safe.
#[utoipa::path(
    post, path = "/api/v1/defective-parts/{id}/receive", tag = "stock", operation_id = "receive_defective_part",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Defective part id"),
    ),
    request_body = ReceiveDefectivePart,
    responses(
        (status = 200, description = "Received", body = DefectiveReceipt),
        (status = 404, description = "No such old part in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The part is no longer owed (already received, shipped or closed)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/defective-parts/{id}/receive")]
pub async fn receive_defective_part(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<ReceiveDefectivePart>,
) -> Result<HttpResponse, ApiError> {
    let answer = receive(&state.db, &Actor::new(me, request_id, key), *id, body).await?;
    Ok(reply::once(StatusCode::OK, answer))
}
