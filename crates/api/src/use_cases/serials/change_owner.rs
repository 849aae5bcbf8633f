//! Hand a unit to a new owner from a day on.
use actix_web::http::StatusCode;
use aftersales_api_types::serial_records::ChangeOwner;
use aftersales_api_types::serials::SerialUnitDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::serials::{self, UnitFacts, owners};
use serde_json::json;
use uuid::Uuid;

use super::{record_change, visible_customer};
use crate::audit::snapshot;
use crate::error::{ApiError, NotFoundAs};
use crate::serial_dto::unit_out;
use crate::use_cases::{Actor, Begun, Once, Work};
use aftersales_domain::text::optional_text;

/// The previous owner's period ends that day and stays in the unit's owner
/// history. `expected` is the version the client read (412 if the unit changed since).
pub async fn change_owner(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    body: ChangeOwner,
    expected: Option<i64>,
) -> Result<Once<SerialUnitDto>, ApiError> {
    let me = &actor.me;
    me.require(Permission::ManageCustomers)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let (txn, now) = (work.db(), work.now());
    let current = serials::find(txn, id).await.or_not_found("unit")?;
    if expected.is_some_and(|v| v != current.version) {
        return Err(ApiError::PreconditionFailed);
    }
    visible_customer(txn, &me.scope, body.customer_id, "customer_id").await?;
    if current.owner_customer_id == Some(body.customer_id.into()) {
        return Err(ApiError::field("customer_id", "same_owner", "this customer owns the unit already"));
    }
    let history = owners::of_unit(txn, current.id.uuid()).await?;
    if let Some(open) = history.iter().find(|o| o.to_date.is_none())
        && body.from_date < open.from_date
    {
        let message = format!("the current owner has it since {}; a new owner starts on or after that", open.from_date);
        return Err(ApiError::field("from_date", "before_current_owner", message));
    }
    let ownership = owners::NewOwnership {
        serial_id: current.id.uuid(),
        customer_id: body.customer_id,
        from_date: body.from_date,
        note: optional_text(body.note),
        created_by: Some(me.user_id),
    };
    owners::hand_over(txn, ownership, now).await?;
    let facts = UnitFacts { owner_customer_id: Some(body.customer_id), ..UnitFacts::of(&current) };
    let updated = serials::update_facts(txn, &current, expected, facts, now).await?;
    let out = unit_out(&updated);
    let details = json!({
        "from_customer_id": current.owner_customer_id.map(Uuid::from), "to_customer_id": body.customer_id, "from_date": body.from_date
    });
    let audit_row = ("serial.owner_change", snapshot(&unit_out(&current)), snapshot(&out));
    record_change(&work, &updated, ("owner_changed", details), audit_row).await?;
    work.finish(StatusCode::OK, out).await
}
