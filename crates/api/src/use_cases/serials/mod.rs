//! The registry of sold units: registering a unit, its facts, owners, swapped
//! components, contracts and history.
pub mod add_contract;
pub mod change_owner;
pub mod get;
pub mod history;
pub mod list;
pub mod list_contracts;
pub mod record_swap;
pub mod register;
pub mod update;

use aftersales_domain::organisation::BranchScope;
use aftersales_domain::serials::{SerialUnit, normalize_serial};
use aftersales_persistence::catalogue::components;
use aftersales_persistence::serials::events;
use aftersales_persistence::{ConnectionTrait, StoreError, customers};
use serde_json::Value;
use uuid::Uuid;

use crate::audit::Change;
use crate::error::ApiError;
use crate::use_cases::Work;

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

/// Notes a change of a unit twice, in its work: an event in the unit's own history
/// (`kind` with its `details`) and an audit row (`action`, before and after).
pub(crate) async fn record_change(
    work: &Work,
    unit: &SerialUnit,
    (kind, details): (&str, Value),
    (action, before, after): (&str, Option<Value>, Option<Value>),
) -> Result<(), ApiError> {
    unit_event(work, unit.id.uuid(), kind, details).await?;
    unit_audit(work, action, unit.id.uuid(), before, after).await
}

/// An event in a unit's history, by the actor, now.
pub(crate) async fn unit_event(work: &Work, unit_id: Uuid, kind: &str, details: Value) -> Result<(), ApiError> {
    events::record(work.db(), unit_id, kind, Some(work.actor_id()), details, work.now()).await?;
    Ok(())
}

/// An audit row about a unit; units belong to no branch.
pub(crate) async fn unit_audit(
    work: &Work,
    action: &str,
    unit_id: Uuid,
    before: Option<Value>,
    after: Option<Value>,
) -> Result<(), ApiError> {
    work.audit(Change { action, entity: "serial", entity_id: unit_id, branch_id: None, before, after }).await
}

/// The serial as the registry compares it (`k3j-00042` is `K3J00042`); a field
/// error on `serial` when it is not one.
pub(crate) fn serial_key(raw: &str) -> Result<String, ApiError> {
    serial_key_at(raw, "serial")
}

/// [`serial_key`], for a serial the caller's request has at `field`.
pub(crate) fn serial_key_at(raw: &str, field: &str) -> Result<String, ApiError> {
    normalize_serial(raw).ok_or_else(|| {
        ApiError::field(field, "format", "letters and digits, with spaces, '-', '.', '/' or '_' between them")
    })
}

/// A unit registered from within another use case (an order's line, an exchange):
/// the registry's problems with their fields named where the caller's request has
/// them (`rename`), a serial another unit has included.
pub(crate) fn registry_problem_at(err: ApiError, rename: impl Fn(&str) -> String) -> ApiError {
    match err.with_fields_renamed(&rename) {
        ApiError::Conflict(message) => ApiError::conflict_at(&rename("serial"), "taken", message.clone(), message),
        other => other,
    }
}
