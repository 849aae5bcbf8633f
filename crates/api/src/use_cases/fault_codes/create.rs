//! Add a code to a product category's symptom, diagnosis or resolution list.
use actix_web::http::StatusCode;
use aftersales_api_types::fault_codes::{CreateFaultCode, FaultCodeDto};
use aftersales_domain::access::Permission;
use aftersales_persistence::catalogue::categories;
use aftersales_persistence::tickets::fault_codes::{self, NewFaultCode};
use aftersales_persistence::{DatabaseConnection, StoreError};

use super::ENTITY;
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::tickets::work::{fault_code_out, kind_str, names_in, normalize_code};
use crate::use_cases::{Actor, Begun, Once, Work};

/// The code is trimmed and upper-cased (`no_cooling` → `NO_COOLING`); it must be
/// new to that list (409 naming it otherwise).
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    body: CreateFaultCode,
) -> Result<Once<FaultCodeDto>, ApiError> {
    actor.me.require(Permission::ConfigureTickets)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    match categories::find(work.db(), body.category_id).await {
        Err(StoreError::NotFound) => {
            return Err(ApiError::field(
                "category_id",
                "unknown_category",
                "there is no product category with this id",
            ));
        }
        other => other?,
    };
    let new = NewFaultCode {
        kind: kind_str(body.kind).to_owned(),
        category_id: body.category_id,
        code: normalize_code(&body.code),
        names: names_in(body.names),
    };
    let code = fault_codes::insert(work.db(), new, work.now()).await?;
    let out = fault_code_out(&code)?;
    work.audit(Change {
        action: "fault_code.create",
        entity: ENTITY,
        entity_id: code.id,
        branch_id: None,
        before: None,
        after: snapshot(&out),
    })
    .await?;
    work.finish(StatusCode::CREATED, out).await
}
