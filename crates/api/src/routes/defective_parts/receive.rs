use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::defective_parts::{DefectiveReceipt, ReceiveDefectivePart};
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::Movement;
use aftersales_domain::warehouses::WarehouseKind;
use aftersales_persistence::stock::MovementMeta;
use aftersales_persistence::{defective_parts, tickets};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::{self, IdempotencyKey};
use crate::state::AppState;
use crate::use_cases::stock::{movable_warehouse, movement_out, refused, stock_out};
use crate::use_cases::tickets::parts::wire::defective_out;

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
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer instead of receiving twice"),
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
    let path = format!("/api/v1/defective-parts/{id}/receive");
    let idempotency::Opened { txn, hash } = match idempotency::open(&state.db, me.user_id, &key, &path, &body).await? {
        Ok(opened) => opened,
        Err(replayed) => return Ok(replayed),
    };
    let before = defective_parts::lock_in_scope(&txn, &me.scope, *id).await.or_not_found("defective part")?;
    let warehouse = movable_warehouse(&txn, &me, body.warehouse_id, "warehouse_id").await?;
    if warehouse.kind != WarehouseKind::Defective {
        return Err(ApiError::field(
            "warehouse_id",
            "not_defective",
            "old parts are handed in to a defective-parts warehouse",
        ));
    }
    if !before.status.may_receive() {
        return Err(ApiError::Conflict(format!("the part is no longer owed: it is {}", before.status.as_str())));
    }
    let now = Utc::now();
    let ticket = tickets::find(&txn, before.ticket_id).await?;
    let movement = Movement {
        kind: MovementKind::DefectiveReturn,
        quantity: before.quantity,
        unit_cost_minor: None,
        from_reservation: false,
    };
    let meta = MovementMeta {
        actor_id: Some(me.user_id),
        reason: None,
        document_kind: Some("defective_part".into()),
        document_id: Some(before.id),
        ticket_id: Some(ticket.id),
    };
    let (balance, row) =
        crate::use_cases::stock::ledger::move_stock(&txn, warehouse.id, before.part_id, movement, meta, now)
            .await?
            .map_err(refused)?;
    let after = defective_parts::mark_received(&txn, &before, warehouse.id, me.user_id, now).await?;
    let out = DefectiveReceipt {
        defective_part: defective_out(&after, &ticket.number, now),
        movement: movement_out(&row),
        stock: stock_out(warehouse.id, before.part_id, balance, now),
    };
    let change = Change {
        action: "defective_part.receive",
        entity: "defective_part",
        entity_id: after.id,
        branch_id: Some(after.branch_id),
        before: snapshot(&defective_out(&before, &ticket.number, now)),
        after: snapshot(&out.defective_part),
    };
    audit::record(&txn, Some(me.user_id), &request_id, change).await?;
    let text = idempotency::keep(&txn, me.user_id, &key, hash, StatusCode::OK, &out).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().content_type("application/json").body(text))
}
