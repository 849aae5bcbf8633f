//! Record a component replaced in a unit.
use actix_web::http::StatusCode;
use aftersales_api_types::serial_records::{RecordSwap, SwapDto};
use aftersales_domain::access::Permission;
use aftersales_domain::serials::SerialUnit;
use aftersales_domain::warranty::{reference_date, select_policy};
use aftersales_persistence::catalogue::models;
use aftersales_persistence::serials::{self, swaps};
use aftersales_persistence::{ConnectionTrait, DatabaseConnection, warranty_policies};
use chrono::NaiveDate;
use serde_json::json;
use uuid::Uuid;

use super::{known_components, record_change};
use crate::audit::snapshot;
use crate::error::{ApiError, NotFoundAs};
use crate::serial_dto::{swap_out, unit_facts};
use crate::use_cases::{Actor, Begun, Once, Work};
use aftersales_domain::text::optional_text;

/// The new part is guaranteed for `warranty_days`, by default the repair warranty
/// of the policy in force for the unit; evaluating the unit by its id then counts
/// the swap as an earlier repair.
pub async fn record_swap(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    body: RecordSwap,
) -> Result<Once<SwapDto>, ApiError> {
    actor.me.require(Permission::ManageCustomers)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let unit = serials::find(work.db(), id).await.or_not_found("unit")?;
    let code = body.component_code.trim().to_owned();
    known_components(work.db(), unit.model_id.uuid(), &[code.as_str()], "component_code", false).await?;
    let warranty_days = match body.warranty_days {
        Some(days) => days,
        None => repair_warranty_days(work.db(), &unit, body.swapped_on).await?,
    };
    let swap = swaps::ComponentSwap {
        id: Uuid::now_v7(),
        serial_id: unit.id.uuid(),
        component_code: code,
        old_part_serial: optional_text(body.old_part_serial),
        new_part_serial: optional_text(body.new_part_serial),
        swapped_on: body.swapped_on,
        reference: body.reference.trim().to_owned(),
        warranty_days,
        created_at: work.now(),
        created_by: Some(actor.user_id()),
    };
    swaps::insert(work.db(), &swap).await?;
    let out = swap_out(&swap);
    let details = json!({
        "swap_id": swap.id, "component_code": swap.component_code, "reference": swap.reference,
        "swapped_on": swap.swapped_on, "warranty_days": swap.warranty_days
    });
    record_change(&work, &unit, ("component_swapped", details), ("serial.component_swap", None, snapshot(&out)))
        .await?;
    work.finish(StatusCode::CREATED, out).await
}

/// The repair warranty of the policy in force for the unit on the day of the swap;
/// without one the client must give the days.
async fn repair_warranty_days(
    db: &impl ConnectionTrait,
    unit: &SerialUnit,
    swapped_on: NaiveDate,
) -> Result<u32, ApiError> {
    let model = models::find(db, unit.model_id.uuid()).await?;
    let facts = unit_facts(unit, model.category_id.uuid());
    let policies =
        warranty_policies::candidates_for(db, unit.brand_id.uuid(), model.category_id.uuid(), unit.model_id.uuid())
            .await?;
    let reference = reference_date(&facts, swapped_on);
    select_policy(&policies, &facts, reference).map(|p| p.repair_warranty_days).ok_or_else(|| {
        ApiError::field("warranty_days", "required", "no warranty policy is in force for the unit; give the days")
    })
}
