use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::rtv::{RtvReference, RtvShipmentDto};
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::Movement;
use aftersales_domain::stock::rtv::RtvAction;
use aftersales_domain::stock::ticket_parts::DefectiveStatus;
use aftersales_persistence::rtv_shipments::{self, RtvStep};
use aftersales_persistence::stock::MovementMeta;
use chrono::Utc;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{IfMatch, RequestId, ValidatedJson};
use crate::idempotency::{self, IdempotencyKey};
use crate::state::AppState;
use crate::use_cases::rtv_shipments::{ENTITY, finish, next};
use crate::use_cases::stock::refused;

/// Ship a packed shipment: every old part leaves the defective-parts warehouse as
/// a `return_to_vendor` movement, all or nothing, and is `shipped`. The reference
/// is the carrier's tracking or the manufacturer's return authorisation. Send an
/// `Idempotency-Key` to make a retry safe.
#[utoipa::path(
    post, path = "/api/v1/rtv-shipments/{id}/ship", tag = "stock", operation_id = "ship_rtv_shipment",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Shipment id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 if the shipment changed since"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer instead of shipping twice"),
    ),
    request_body = RtvReference,
    responses(
        (status = 200, description = "Shipped", body = RtvShipmentDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such shipment in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not a draft any more", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The shipment changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/rtv-shipments/{id}/ship")]
pub async fn ship_rtv_shipment(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::MoveStock>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<RtvReference>,
) -> Result<HttpResponse, ApiError> {
    let path = format!("/api/v1/rtv-shipments/{id}/ship");
    let opened = match idempotency::open(&state.db, me.user_id, &key, &path, &body).await? {
        Ok(opened) => opened,
        Err(replayed) => return Ok(replayed),
    };
    let txn = &opened.txn;
    let current = rtv_shipments::find_in_scope(txn, &me.scope, *id, true).await.or_not_found("shipment")?;
    if expected.is_some_and(|v| v != current.version) {
        return Err(ApiError::PreconditionFailed);
    }
    let status = next(&current, RtvAction::Ship)?;
    let now = Utc::now();
    for old in &current.parts {
        let movement = Movement {
            kind: MovementKind::ReturnToVendor,
            quantity: old.quantity,
            unit_cost_minor: None,
            from_reservation: false,
        };
        let meta = MovementMeta {
            actor_id: Some(me.user_id),
            reason: Some(format!("return to vendor {}", current.number)),
            document_kind: Some(ENTITY.into()),
            document_id: Some(current.id),
            ticket_id: Some(old.ticket_id),
        };
        // The shelf holds what was handed in, so this only fails if someone moved
        // old parts out another way; the whole shipment then stays where it is.
        crate::use_cases::stock::ledger::move_stock(txn, current.warehouse_id, old.part_id, movement, meta, now)
            .await?
            .map_err(refused)?;
    }
    let step = RtvStep {
        status,
        by: me.user_id,
        reference: Some(body.reference.trim().to_owned()),
        parts_become: DefectiveStatus::Shipped,
        close_reason: None,
    };
    let after = rtv_shipments::step(txn, &current, step, now).await?;
    finish(opened, &me, &request_id, &key, "rtv_shipment.ship", &current, &after).await
}
