use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::stock::{IssueStock, MovementResult};
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::Movement;
use aftersales_persistence::begin_write;
use aftersales_persistence::stock::{self, MovementMeta};
use chrono::Utc;

use super::{ensure_warehouse_in_scope, movement_out, part_currency, refused, stock_out};
use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::{self, IdempotencyKey};
use crate::state::AppState;

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
    let hash = idempotency::request_hash("/api/v1/stock/issues", &body);
    let txn = begin_write(&state.db).await?;
    if let Some(answer) = idempotency::replay(&txn, me.user_id, &key, &hash).await? {
        return Ok(answer);
    }
    ensure_warehouse_in_scope(&txn, &me, body.warehouse_id).await?;
    part_currency(&txn, body.part_id).await?;
    if let Some(ticket_id) = body.ticket_id {
        crate::routes::tickets::ticket_in_scope(&txn, &me, ticket_id).await.map_err(|_| {
            ApiError::field("ticket_id", "unknown_ticket", "no such ticket in your part of the network")
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
    let now = Utc::now();
    let (balance, row) =
        stock::apply(&txn, body.warehouse_id, body.part_id, movement, meta, now).await?.map_err(refused)?;
    let out = MovementResult {
        movement: movement_out(&row),
        stock: stock_out(body.warehouse_id, body.part_id, balance, now),
    };
    let change = Change {
        action: "stock.issue",
        entity: "stock_movement",
        entity_id: row.id,
        branch_id: None,
        before: None,
        after: snapshot(&out.movement),
    };
    audit::record(&txn, Some(me.user_id), &request_id, change).await?;
    let text = idempotency::keep(&txn, me.user_id, &key, hash, StatusCode::CREATED, &out).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().content_type("application/json").body(text))
}
