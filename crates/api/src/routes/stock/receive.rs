use actix_web::{HttpResponse, post, web};
use aftersales_api_types::service_items::Money;
use aftersales_api_types::stock::{MovementResult, ReceiveStock};
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::Movement;
use aftersales_persistence::stock::MovementMeta;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::money_dto::money_in;
use crate::state::AppState;
use crate::use_cases::stock::{begin, finish};

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
    let checked =
        match begin(&state, &me, &key, "/api/v1/stock/receipts", &body, body.warehouse_id, body.part_id).await? {
            Ok(checked) => checked,
            Err(replayed) => return Ok(replayed),
        };
    let price = Money { amount: body.unit_cost.clone(), currency: checked.part.currency.clone() };
    let (unit_cost, _) = money_in(&price, "unit_cost")?;
    let movement = Movement {
        kind: MovementKind::Receipt,
        quantity: body.quantity,
        unit_cost_minor: Some(unit_cost),
        from_reservation: false,
    };
    let meta = MovementMeta { actor_id: Some(me.user_id), reason: body.reason.clone(), ..Default::default() };
    finish(checked, &me, &request_id, &key, "stock.receive", movement, meta).await
}
