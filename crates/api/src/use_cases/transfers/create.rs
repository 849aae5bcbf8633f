//! Draft a transfer: nothing moves until it is shipped.
use actix_web::http::StatusCode;
use std::collections::HashSet;

use aftersales_api_types::transfers::{CreateTransfer, TransferDto};
use aftersales_domain::access::Permission;
use aftersales_domain::regional::local_date;
use aftersales_domain::stock::numbering::{DocumentSeries, document_number};
use aftersales_persistence::transfers::{self, NewTransfer};
use aftersales_persistence::warehouses::{self, Warehouse};
use aftersales_persistence::{ConnectionTrait, DatabaseConnection, StoreError, branches, document_counters};
use chrono::Datelike;
use uuid::Uuid;

use super::{ENTITY, transfer_out};
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::stock::{movable_part, movable_warehouse};
use crate::use_cases::{Actor, Begun, Once, Work};
use aftersales_domain::text::optional_text;

/// Drafts a transfer of parts from a warehouse of the actor's part of the network
/// to any other open warehouse. Each line names an active part, once; a bad line
/// is a 422 naming it. The number (`TR-HN01-2026-000001`) follows the source
/// branch's series without gaps.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    body: CreateTransfer,
) -> Result<Once<TransferDto>, ApiError> {
    let me = &actor.me;
    me.require(Permission::MoveStock)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let (txn, now) = (work.db(), work.now());
    let from = movable_warehouse(txn, me, body.from_warehouse_id, "from_warehouse_id").await?;
    let to = destination(txn, &from, body.to_warehouse_id).await?;
    let mut seen = HashSet::new();
    for (i, line) in body.lines.iter().enumerate() {
        let field = format!("lines[{i}].part_id");
        movable_part(txn, line.part_id, &field).await?;
        if !seen.insert(line.part_id) {
            return Err(ApiError::field(&field, "duplicate", "each part once; add the quantities up"));
        }
    }
    let branch = branches::find(txn, from.branch_id).await?;
    let year = local_date(&branch.time_zone, now).unwrap_or_else(|| now.date_naive()).year();
    let sequence = document_counters::next(txn, branch.id.uuid(), DocumentSeries::Transfer, year).await?;
    let new = NewTransfer {
        number: document_number(DocumentSeries::Transfer, &branch.code, year, sequence),
        from_warehouse_id: from.id,
        to_warehouse_id: to.id,
        from_branch_id: from.branch_id,
        to_branch_id: to.branch_id,
        note: optional_text(body.note),
        created_by: me.user_id,
        lines: body.lines.iter().map(|l| (l.part_id, l.quantity)).collect(),
    };
    let transfer = transfers::insert(txn, new, now).await?;
    let out = transfer_out(&transfer);
    let change = Change {
        action: "transfer.create",
        entity: ENTITY,
        entity_id: transfer.id.uuid(),
        branch_id: Some(transfer.from_branch_id.uuid()),
        before: None,
        after: snapshot(&out),
    };
    work.audit(change).await?;
    work.finish(StatusCode::CREATED, out).await
}

/// The destination: any open warehouse of the network but the source (422 on
/// `to_warehouse_id` otherwise). Sending parts up to the regional store or across
/// to another outlet is the point of a transfer, so it need not be the sender's.
async fn destination(db: &impl ConnectionTrait, from: &Warehouse, id: Uuid) -> Result<Warehouse, ApiError> {
    const FIELD: &str = "to_warehouse_id";
    if id == from.id {
        return Err(ApiError::field(FIELD, "same_warehouse", "the destination must differ from the source"));
    }
    let to = match warehouses::find(db, id).await {
        Err(StoreError::NotFound) => return Err(ApiError::field(FIELD, "unknown_warehouse", "no such warehouse")),
        other => other?,
    };
    if !to.active {
        return Err(ApiError::field(
            FIELD,
            "inactive_warehouse",
            "this warehouse is closed; stock no longer moves in it",
        ));
    }
    Ok(to)
}
