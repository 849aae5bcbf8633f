//! Shared by the `/serials` use cases.
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::serials::SerialUnit;
use aftersales_persistence::catalogue::components;
use aftersales_persistence::serials::events;
use aftersales_persistence::{ConnectionTrait, StoreError, customers};
use chrono::Utc;
use serde_json::Value;
use uuid::Uuid;

use crate::audit::{self, Change};
use crate::error::ApiError;
use crate::extract::RequestId;

/// 422 on `field` unless the customer is one the caller can see.
pub(crate) async fn visible_customer(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    id: Uuid,
    field: &str,
) -> Result<(), ApiError> {
    match customers::find_in_scope(db, scope, id).await {
        Ok(_) => Ok(()),
        Err(StoreError::NotFound) => Err(ApiError::field(
            field,
            "unknown_customer",
            "there is no customer with this id in your part of the network",
        )),
        Err(other) => Err(other.into()),
    }
}

/// 422 on `field` (or `field[i]`) for a code that is not a component of the model.
pub(crate) async fn known_components(
    db: &impl ConnectionTrait,
    model_id: Uuid,
    codes: &[&str],
    field: &str,
    indexed: bool,
) -> Result<(), ApiError> {
    let known = components::all_of_model(db, model_id).await?;
    let mut errors = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        if !known.iter().any(|c| c.code == *code) {
            let name = if indexed { format!("{field}[{i}]") } else { field.to_owned() };
            errors.push(aftersales_api_types::FieldError::new(
                name,
                "unknown_component",
                format!("'{code}' is not a component of the unit's model"),
            ));
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(ApiError::Validation(errors)) }
}

/// The unit's event and the audit row of the same change, on the change's transaction.
pub(crate) async fn record_change(
    db: &impl ConnectionTrait,
    actor: Uuid,
    request_id: &RequestId,
    unit: &SerialUnit,
    event: (&str, Value),
    audit_row: (&str, Option<Value>, Option<Value>),
) -> Result<(), ApiError> {
    events::record(db, unit.id, event.0, Some(actor), event.1, Utc::now()).await?;
    let (action, before, after) = audit_row;
    audit::record(
        db,
        Some(actor),
        request_id,
        Change { action, entity: "serial", entity_id: unit.id, branch_id: None, before, after },
    )
    .await
}
