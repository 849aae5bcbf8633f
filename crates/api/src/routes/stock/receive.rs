use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::service_items::Money;
use aftersales_api_types::stock::{MovementResult, ReceiveStock};
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
use crate::tickets::work::money_in;

/// Receive parts into a warehouse at a unit cost; the warehouse's moving-average
/// cost follows. Send an `Idempotency-Key` to make a retry safe.
#[utoipa::path(
    post, path = "/api/v1/stock/receipts", tag = "stock", operation_id = "receive_stock",
    security(("bearer" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer instead of receiving twice")),
    request_body = ReceiveStock,
    responses(
        (status = 201, description = "Received", body = MovementResult),
    )
)]
#[post("/api/v1/stock/receipts")]
pub async fn receive_stock(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<ReceiveStock>,
) -> Result<HttpResponse, ApiError> {
    let hash = idempotency::request_hash("/api/v1/stock/receipts", &body);
    let txn = begin_write(&state.db).await?;
    if let Some(answer) = idempotency::replay(&txn, me.user_id, &key, &hash).await? {
        return Ok(answer);
    }
    ensure_warehouse_in_scope(&txn, &me, body.warehouse_id).await?;
    let currency = part_currency(&txn, body.part_id).await?;
    let (unit_cost, _) = money_in(&Money { amount: body.unit_cost.clone(), currency }, "unit_cost")?;
    let movement = Movement {
        kind: MovementKind::Receipt,
        quantity: body.quantity,
        unit_cost_minor: Some(unit_cost),
        from_reservation: false,
    };
    let meta = MovementMeta { actor_id: Some(me.user_id), reason: body.reason.clone(), ..Default::default() };
    let now = Utc::now();
    let (balance, row) =
        stock::apply(&txn, body.warehouse_id, body.part_id, movement, meta, now).await?.map_err(refused)?;
    let out = MovementResult {
        movement: movement_out(&row),
        stock: stock_out(body.warehouse_id, body.part_id, balance, now),
    };
    let change = Change {
        action: "stock.receive",
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
