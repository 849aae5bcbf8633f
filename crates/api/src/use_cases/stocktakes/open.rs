//! Open a count sheet for a warehouse.
use actix_web::http::StatusCode;
use std::collections::BTreeMap;

use aftersales_api_types::FieldError;
use aftersales_api_types::stocktakes::{OpenStocktake, StocktakeDto};
use aftersales_domain::access::Permission;
use aftersales_persistence::stocktakes::{self, ALREADY_OPEN, NewStocktake};
use aftersales_persistence::{DatabaseConnection, StoreError, parts, stock};
use uuid::Uuid;

use super::{change, stocktake_out, summary_out};
use crate::audit::snapshot;
use crate::error::ApiError;
use crate::use_cases::stock::movable_warehouse;
use crate::use_cases::{Actor, Begun, Once, Work};

/// The given parts, or every part the warehouse has stock records of, each with
/// what the books hold now (`expected`). A warehouse has one open stocktake at a
/// time (409 while another is open). Discontinued parts may be counted: their
/// stock is real until written off.
pub async fn open(db: &DatabaseConnection, actor: &Actor, body: OpenStocktake) -> Result<Once<StocktakeDto>, ApiError> {
    let me = &actor.me;
    me.require(Permission::MoveStock)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let txn = work.db();
    let warehouse = movable_warehouse(txn, me, body.warehouse_id, "warehouse_id").await?;
    if stocktakes::open_in(txn, warehouse.id).await?.is_some() {
        return Err(ApiError::Conflict(ALREADY_OPEN.into()));
    }
    let on_hand: BTreeMap<Uuid, i64> = stock::balances(txn, warehouse.id, None)
        .await?
        .into_iter()
        .map(|l| (l.part_id.uuid(), l.balance.on_hand))
        .collect();
    let lines: Vec<(Uuid, i64)> = match &body.part_ids {
        None => on_hand.iter().map(|(&part, &quantity)| (part, quantity)).collect(),
        Some(ids) => {
            let mut errors = Vec::new();
            let mut lines: Vec<(Uuid, i64)> = Vec::new();
            for (i, &id) in ids.iter().enumerate() {
                match parts::find(txn, id).await {
                    Err(StoreError::NotFound) => errors.push(FieldError::new(
                        format!("part_ids[{i}]"),
                        "unknown_part",
                        "there is no part with this id",
                    )),
                    Err(e) => return Err(e.into()),
                    Ok(_) if lines.iter().any(|(p, _)| *p == id) => {}
                    Ok(_) => lines.push((id, on_hand.get(&id).copied().unwrap_or(0))),
                }
            }
            if !errors.is_empty() {
                return Err(ApiError::Validation(errors));
            }
            lines
        }
    };
    let new = NewStocktake {
        branch_id: warehouse.branch_id,
        warehouse_id: warehouse.id,
        started_by: me.user_id,
        note: body.note.as_deref().map(str::trim).map(str::to_owned),
        lines,
    };
    let id = stocktakes::insert(txn, new, work.now()).await?;
    let sheet = stocktakes::find(txn, id).await?;
    let out = stocktake_out(txn, &sheet).await?;
    work.audit(change("stocktake.open", &sheet, None, snapshot(&summary_out(&sheet)))).await?;
    work.finish(StatusCode::CREATED, out).await
}
