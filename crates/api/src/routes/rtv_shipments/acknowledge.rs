use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::rtv::{RtvReference, RtvShipmentDto};
use aftersales_domain::stock::rtv::RtvAction;
use aftersales_domain::stock::ticket_parts::DefectiveStatus;
use aftersales_persistence::rtv_shipments::{self, RtvStep};
use chrono::Utc;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{IfMatch, RequestId, ValidatedJson};
use crate::idempotency::{self, IdempotencyKey};
use crate::state::AppState;
use crate::use_cases::rtv_shipments::{finish, next};

/// Record the manufacturer's acknowledgement of a shipped shipment (its credit
/// note or claim reference): every old part in it is written off, with the
/// reference as the reason. Stock does not move: the parts left when shipped.
#[utoipa::path(
    post, path = "/api/v1/rtv-shipments/{id}/acknowledge", tag = "stock", operation_id = "acknowledge_rtv_shipment",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Shipment id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 if the shipment changed since"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer"),
    ),
    request_body = RtvReference,
    responses(
        (status = 200, description = "Acknowledged; its parts are written off", body = RtvShipmentDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such shipment in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not shipped, or acknowledged already", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The shipment changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/rtv-shipments/{id}/acknowledge")]
pub async fn acknowledge_rtv_shipment(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageParts>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<RtvReference>,
) -> Result<HttpResponse, ApiError> {
    let path = format!("/api/v1/rtv-shipments/{id}/acknowledge");
    let opened = match idempotency::open(&state.db, me.user_id, &key, &path, &body).await? {
        Ok(opened) => opened,
        Err(replayed) => return Ok(replayed),
    };
    let txn = &opened.txn;
    let current = rtv_shipments::find_in_scope(txn, &me.scope, *id, true).await.or_not_found("shipment")?;
    if expected.is_some_and(|v| v != current.version) {
        return Err(ApiError::PreconditionFailed);
    }
    let status = next(&current, RtvAction::Acknowledge)?;
    let reference = body.reference.trim().to_owned();
    let step = RtvStep {
        status,
        by: me.user_id,
        close_reason: Some(format!("acknowledged by the manufacturer ({reference}) on {}", current.number)),
        reference: Some(reference),
        parts_become: DefectiveStatus::WrittenOff,
    };
    let after = rtv_shipments::step(txn, &current, step, Utc::now()).await?;
    finish(opened, &me, &request_id, &key, "rtv_shipment.acknowledge", &current, &after).await
}
