use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::serial_records::{RecordSwap, SwapDto};
use aftersales_domain::warranty::{reference_date, select_policy};
use aftersales_persistence::catalogue::models;
use aftersales_persistence::serials::{self, swaps};
use aftersales_persistence::{begin_write, warranty_policies};
use chrono::Utc;
use serde_json::json;
use uuid::Uuid;

use crate::audit::snapshot;
use crate::auth::{Authorized, need};
use crate::dto::optional;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{RequestId, ValidatedJson};
use crate::serial_dto;
use crate::state::AppState;
use crate::use_cases::serials::{known_components, record_change};

/// Record a component replaced in the unit.
///
/// The new part is guaranteed for `warranty_days`, by default the repair warranty
/// of the policy in force for the unit; evaluating the unit by `serial_id` then
/// counts the swap as an earlier repair.
#[utoipa::path(
    post, path = "/api/v1/serials/{id}/component-swaps", tag = "serials", operation_id = "record_component_swap",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Unit id")),
    request_body = RecordSwap,
    responses(
        (status = 201, description = "Recorded", body = SwapDto),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/serials/{id}/component-swaps")]
pub async fn record_component_swap(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCustomers>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<RecordSwap>,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    let unit = serials::find(&txn, *id).await.or_not_found("unit")?;
    let code = body.component_code.trim().to_owned();
    known_components(&txn, unit.model_id, &[code.as_str()], "component_code", false).await?;
    let warranty_days = match body.warranty_days {
        Some(days) => days,
        None => {
            let model = models::find(&txn, unit.model_id).await?;
            let facts = serial_dto::unit_facts(&unit, model.category_id);
            let policies =
                warranty_policies::candidates_for(&txn, unit.brand_id, model.category_id, unit.model_id).await?;
            let reference = reference_date(&facts, body.swapped_on);
            select_policy(&policies, &facts, reference).map(|p| p.repair_warranty_days).ok_or_else(|| {
                ApiError::field(
                    "warranty_days",
                    "required",
                    "no warranty policy is in force for the unit; give the days",
                )
            })?
        }
    };
    let now = Utc::now();
    let swap = swaps::ComponentSwap {
        id: Uuid::now_v7(),
        serial_id: unit.id,
        component_code: code,
        old_part_serial: optional(body.old_part_serial),
        new_part_serial: optional(body.new_part_serial),
        swapped_on: body.swapped_on,
        reference: body.reference.trim().to_owned(),
        warranty_days,
        created_at: now,
        created_by: Some(me.user_id),
    };
    swaps::insert(&txn, &swap).await?;
    let out = serial_dto::swap_out(&swap);
    let details = json!({
        "swap_id": swap.id, "component_code": swap.component_code, "reference": swap.reference,
        "swapped_on": swap.swapped_on, "warranty_days": swap.warranty_days
    });
    let audit_row = ("serial.component_swap", None, snapshot(&out));
    record_change(&txn, me.user_id, &request_id, &unit, ("component_swapped", details), audit_row).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}
