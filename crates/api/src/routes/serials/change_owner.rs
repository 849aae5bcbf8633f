use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::serial_records::ChangeOwner;
use aftersales_api_types::serials::SerialUnitDto;
use aftersales_persistence::begin_write;
use aftersales_persistence::serials::{self, UnitFacts, owners};
use chrono::Utc;
use serde_json::json;
use uuid::Uuid;

use crate::audit::snapshot;
use crate::auth::{Authorized, need};
use crate::dto::optional;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::serial_dto;
use crate::state::AppState;
use crate::use_cases::serials::{record_change, visible_customer};

/// Hand the unit to a new owner from a day on.
///
/// The previous owner's period ends that day and stays in the unit's owner history.
#[utoipa::path(
    post, path = "/api/v1/serials/{id}/owner", tag = "serials", operation_id = "change_serial_owner",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Unit id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; fails with 412 if the unit changed since"),
    ),
    request_body = ChangeOwner,
    responses(
        (status = 200, description = "The unit with its new owner", body = SerialUnitDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The unit changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/serials/{id}/owner")]
pub async fn change_serial_owner(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCustomers>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<ChangeOwner>,
    IfMatch(expected): IfMatch,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    let current = serials::find(&txn, *id).await.or_not_found("unit")?;
    if expected.is_some_and(|v| v != current.version) {
        return Err(ApiError::PreconditionFailed);
    }
    visible_customer(&txn, &me.scope, body.customer_id, "customer_id").await?;
    if current.owner_customer_id == Some(body.customer_id) {
        return Err(ApiError::field("customer_id", "same_owner", "this customer owns the unit already"));
    }
    let history = owners::of_unit(&txn, current.id).await?;
    if let Some(open) = history.iter().find(|o| o.to_date.is_none())
        && body.from_date < open.from_date
    {
        let message = format!("the current owner has it since {}; a new owner starts on or after that", open.from_date);
        return Err(ApiError::field("from_date", "before_current_owner", message));
    }
    let now = Utc::now();
    let ownership = owners::NewOwnership {
        serial_id: current.id,
        customer_id: body.customer_id,
        from_date: body.from_date,
        note: optional(body.note),
        created_by: Some(me.user_id),
    };
    owners::hand_over(&txn, ownership, now).await?;
    let mut facts = UnitFacts::of(&current);
    facts.owner_customer_id = Some(body.customer_id);
    let updated = serials::update_facts(&txn, &current, expected, facts, now).await?;
    let out = serial_dto::unit_out(&updated);
    let details = json!({
        "from_customer_id": current.owner_customer_id, "to_customer_id": body.customer_id, "from_date": body.from_date
    });
    let audit_row = ("serial.owner_change", snapshot(&serial_dto::unit_out(&current)), snapshot(&out));
    record_change(&txn, me.user_id, &request_id, &updated, ("owner_changed", details), audit_row).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(updated.version))).json(out))
}
