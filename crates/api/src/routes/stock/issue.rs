use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::stock::{IssueStock, MovementResult};
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::Movement;
use aftersales_persistence::stock::MovementMeta;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::state::AppState;
use crate::use_cases::stock::{begin, finish};

/// Issue parts from a warehouse, for a ticket when `ticket_id` is given, at the
/// warehouse's moving-average cost. Stock never goes negative: asking for more than
/// is available (on hand and not reserved) answers 409 saying how many are. Send an
/// `Idempotency-Key` to make a retry safe.
#[utoipa::path(
    post, path = "/api/v1/stock/issues", tag = "stock", operation_id = "issue_stock",
    security(("bearer" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer instead of receiving twice")),
    request_body = IssueStock,
    responses(
        (status = 201, description = "Issued", body = MovementResult),
        (status = 409, description = "Not enough stock; the detail says how many are available", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/stock/issues")]
pub async fn issue_stock(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<IssueStock>,
) -> Result<HttpResponse, ApiError> {
    let checked = match begin(&state, &me, &key, "/api/v1/stock/issues", &body, body.warehouse_id, body.part_id).await?
    {
        Ok(checked) => checked,
        Err(replayed) => return Ok(replayed),
    };
    if let Some(ticket_id) = body.ticket_id {
        crate::use_cases::access::ticket_in_scope(&checked.txn, &me, ticket_id).await.map_err(|e| match e {
            ApiError::NotFound(_) => {
                ApiError::field("ticket_id", "unknown_ticket", "no such ticket in your part of the network")
            }
            other => other,
        })?;
    }
    let movement = Movement {
        kind: MovementKind::IssueToTicket,
        quantity: body.quantity,
        unit_cost_minor: None,
        from_reservation: false,
    };
    let meta = MovementMeta {
        actor_id: Some(me.user_id),
        reason: body.reason.clone(),
        document_kind: body.ticket_id.map(|_| "ticket".to_owned()),
        document_id: body.ticket_id,
        ticket_id: body.ticket_id,
    };
    finish(checked, &me, &request_id, &key, "stock.issue", movement, meta).await
}
