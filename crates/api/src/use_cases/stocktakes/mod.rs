//! Count sheets. A sheet is opened for a warehouse (one open at a time), counted
//! by anyone who moves its stock, and posted by someone who manages parts: each
//! part is then adjusted so the books show the count. See
//! `aftersales_domain::stock::stocktake` for why posting adjusts against the stock
//! on hand at posting rather than at opening.
pub mod cancel;
pub mod count;
pub mod get;
pub mod list;
pub mod open;
pub mod post;

use std::collections::BTreeMap;

use aftersales_api_types::stocktakes::{StocktakeDto, StocktakeLineDto, StocktakeStatus as WireStatus};
use aftersales_domain::stock::ledger::Balance;
use aftersales_domain::stock::stocktake::{StocktakeError, StocktakeStatus, variance, variance_value};
use aftersales_persistence::parts::{self, Part};
use aftersales_persistence::stock;
use aftersales_persistence::stocktakes::{self, Stocktake};
use aftersales_persistence::{ConnectionTrait, StoreError};
use serde_json::Value;
use uuid::Uuid;

use crate::audit::Change;
use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};

pub(crate) const ENTITY: &str = "stocktake";

pub(crate) fn status_out(s: StocktakeStatus) -> WireStatus {
    match s {
        StocktakeStatus::Counting => WireStatus::Counting,
        StocktakeStatus::Posted => WireStatus::Posted,
        StocktakeStatus::Cancelled => WireStatus::Cancelled,
    }
}

pub(crate) fn status_in(s: WireStatus) -> StocktakeStatus {
    match s {
        WireStatus::Counting => StocktakeStatus::Counting,
        WireStatus::Posted => StocktakeStatus::Posted,
        WireStatus::Cancelled => StocktakeStatus::Cancelled,
    }
}

/// A sheet of the caller's part of the network (404 otherwise).
pub(crate) async fn visible(db: &impl ConnectionTrait, me: &Principal, id: Uuid) -> Result<Stocktake, ApiError> {
    stocktakes::find_in_scope(db, &me.scope, id).await.or_not_found("stocktake")
}

/// Saves a sheet a step closed (posted or cancelled), if nobody closed it in the
/// meantime (409 with how it was closed otherwise).
pub(crate) async fn save_closed(db: &impl ConnectionTrait, closed_sheet: &Stocktake) -> Result<(), ApiError> {
    if stocktakes::close(db, closed_sheet).await? {
        Ok(())
    } else {
        Err(closed_meanwhile(db, closed_sheet.id.uuid()).await)
    }
}

/// The answer to a change of a sheet someone closed since it was read: 409 with
/// how it stands now.
pub(crate) async fn closed_meanwhile(db: &impl ConnectionTrait, id: Uuid) -> ApiError {
    match stocktakes::find(db, id).await {
        Ok(now) => closed(now.status),
        Err(e) => e.into(),
    }
}

/// The audit row of a change to a sheet.
pub(crate) fn change<'a>(
    action: &'a str,
    sheet: &Stocktake,
    before: Option<Value>,
    after: Option<Value>,
) -> Change<'a> {
    Change {
        action,
        entity: ENTITY,
        entity_id: sheet.id.uuid(),
        branch_id: Some(sheet.branch_id.uuid()),
        before,
        after,
    }
}

/// The parts on a sheet, by id.
pub(crate) async fn parts_of(db: &impl ConnectionTrait, sheet: &Stocktake) -> Result<BTreeMap<Uuid, Part>, ApiError> {
    let mut found = BTreeMap::new();
    for line in &sheet.lines {
        match parts::find(db, line.part_id.uuid()).await {
            Ok(part) => {
                found.insert(part.id, part);
            }
            Err(StoreError::NotFound) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(found)
}

/// The sheet as shown: per line what was expected, counted, on hand now (or at
/// posting, once posted) and the variance with its value.
pub(crate) async fn stocktake_out(db: &impl ConnectionTrait, sheet: &Stocktake) -> Result<StocktakeDto, ApiError> {
    let parts = parts_of(db, sheet).await?;
    let balances: BTreeMap<Uuid, Balance> = stock::balances(db, sheet.warehouse_id.uuid(), None)
        .await?
        .into_iter()
        .map(|l| (l.part_id.uuid(), l.balance))
        .collect();
    let lines = sheet
        .lines
        .iter()
        .map(|l| {
            let now = balances.get(&l.part_id.uuid()).copied().unwrap_or_default();
            let part = parts.get(&l.part_id.uuid());
            let (on_hand, value) = match (sheet.status, l.on_hand_at_post) {
                (StocktakeStatus::Posted, Some(at_post)) => (at_post, l.value_delta_minor),
                _ => (now.on_hand, l.counted.map(|c| variance_value(variance(c, now.on_hand), now))),
            };
            StocktakeLineDto {
                part_id: l.part_id.uuid(),
                sku: part.map(|p| p.sku.clone()).unwrap_or_default(),
                name: part.map(|p| p.name.clone()).unwrap_or_default(),
                currency: part.map(|p| p.currency().code().to_owned()).unwrap_or_default(),
                expected: l.expected,
                counted: l.counted,
                counted_by: l.counted_by.map(uuid::Uuid::from),
                counted_at: l.counted_at,
                on_hand,
                reserved: now.reserved,
                variance: l.counted.map(|c| variance(c, on_hand)),
                variance_value_minor: value,
                movement_id: l.movement_id.map(uuid::Uuid::from),
            }
        })
        .collect();
    Ok(StocktakeDto { lines, ..summary_out(sheet) })
}

/// The sheet without its lines, as lists show it.
pub(crate) fn summary_out(s: &Stocktake) -> StocktakeDto {
    StocktakeDto {
        id: s.id.uuid(),
        branch_id: s.branch_id.uuid(),
        warehouse_id: s.warehouse_id.uuid(),
        status: status_out(s.status),
        started_by: s.started_by.uuid(),
        started_at: s.started_at,
        posted_by: s.posted_by.map(uuid::Uuid::from),
        posted_at: s.posted_at,
        cancelled_by: s.cancelled_by.map(uuid::Uuid::from),
        cancelled_at: s.cancelled_at,
        note: s.note.clone(),
        version: s.version,
        lines: Vec::new(),
    }
}

/// A closed sheet: 409.
pub(crate) fn closed(status: StocktakeStatus) -> ApiError {
    refused(StocktakeError::Closed(status))
}

/// A step a sheet refuses: it is closed, 409.
pub(crate) fn refused(e: StocktakeError) -> ApiError {
    ApiError::Conflict(e.to_string())
}
