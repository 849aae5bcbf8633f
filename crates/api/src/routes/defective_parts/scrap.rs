use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::rtv::{ScrapDefectivePart, ScrappedPart};
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::ledger::Movement;
use aftersales_domain::stock::rtv::may_scrap;
use aftersales_domain::stock::ticket_parts::DefectiveStatus;
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
use crate::use_cases::stock::{movement_out, refused};
use crate::use_cases::tickets::parts::wire::defective_out;

/// Scrap an old part handed in and not packed for the manufacturer, with the
/// reason: it leaves the defective-parts warehouse as a `write_off` movement and
/// is closed. A part still owed, packed, shipped or closed answers 409. Send an
/// `Idempotency-Key` to make a retry safe.
#[utoipa::path(
    post, path = "/api/v1/defective-parts/{id}/scrap", tag = "stock", operation_id = "scrap_defective_part",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Defective part id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer instead of scrapping twice"),
    ),
    request_body = ScrapDefectivePart,
    responses(
        (status = 200, description = "Scrapped", body = ScrappedPart),
        (status = 404, description = "No such old part in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The part is not on the shelf, or is packed in a shipment", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/defective-parts/{id}/scrap")]
pub async fn scrap_defective_part(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageParts>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<ScrapDefectivePart>,
) -> Result<HttpResponse, ApiError> {
    let path = format!("/api/v1/defective-parts/{id}/scrap");
    let idempotency::Opened { txn, hash } = match idempotency::open(&state.db, me.user_id, &key, &path, &body).await? {
        Ok(opened) => opened,
        Err(replayed) => return Ok(replayed),
    };
    let before = defective_parts::lock_in_scope(&txn, &me.scope, *id).await.or_not_found("defective part")?;
    let (true, Some(warehouse_id)) =
        (may_scrap(before.status, before.rtv_shipment_id.is_some()), before.received_warehouse_id)
    else {
        return Err(ApiError::Conflict(match before.rtv_shipment_id {
            Some(_) => "the part is packed in a return-to-vendor shipment".into(),
            None => format!("only a part handed in can be scrapped; it is {}", before.status.as_str()),
        }));
    };
    let reason = body.reason.trim().to_owned();
    let now = Utc::now();
    let movement = Movement {
        kind: MovementKind::WriteOff,
        quantity: before.quantity,
        unit_cost_minor: None,
        from_reservation: false,
    };
    let meta = MovementMeta {
        actor_id: Some(me.user_id),
        reason: Some(reason.clone()),
        document_kind: Some("defective_part".into()),
        document_id: Some(before.id),
        ticket_id: Some(before.ticket_id),
    };
    let (_, row) = crate::use_cases::stock::ledger::move_stock(&txn, warehouse_id, before.part_id, movement, meta, now)
        .await?
        .map_err(refused)?;
    let after = defective_parts::close(&txn, &before, DefectiveStatus::Scrapped, &reason, now).await?;
    let ticket = tickets::find(&txn, before.ticket_id).await?;
    let out = ScrappedPart { defective_part: defective_out(&after, &ticket.number, now), movement: movement_out(&row) };
    let change = Change {
        action: "defective_part.scrap",
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
