//! Post a counted sheet: the books come to show the count.
use actix_web::http::StatusCode;
use aftersales_api_types::problem::FieldError;
use aftersales_api_types::stocktakes::StocktakeDto;
use aftersales_domain::access::Permission;
use aftersales_domain::stock::ledger::MovementMeta;
use aftersales_domain::stock::stocktake::{self, PostingRefusal};
use aftersales_persistence::{DatabaseConnection, stock, stocktakes};
use uuid::Uuid;

use super::{ENTITY, change, parts_of, refused, save_closed, stocktake_out, visible};
use crate::audit::snapshot;
use crate::error::ApiError;
use crate::use_cases::stock::ledger::move_stock;
use crate::use_cases::{Actor, Begun, Once, Work};

/// Every part whose count differs from what the books hold *now* is adjusted with
/// a `stocktake_adjustment` movement (parts issued or received during the count
/// are not undone), and the sheet closes. Refused with 409 while a part is not
/// counted, or when a part is counted below what is reserved for tickets; nothing
/// is adjusted then. Of two people posting at once, one posts and the other gets 409.
pub async fn post(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> Result<Once<StocktakeDto>, ApiError> {
    actor.me.require(Permission::ManageParts)?;
    let work = match Work::begin_retryable(db, actor, &()).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let (txn, now) = (work.db(), work.now());
    let mut posted = visible(txn, &actor.me, id).await?;
    posted.post(actor.user_id().into(), now).map_err(refused)?;
    // Closing first is what makes a concurrent second posting see the sheet closed
    // (it waits on the row, then matches nothing) instead of adjusting twice.
    save_closed(txn, &posted).await?;
    // Read again: counts may have been committed since the first read.
    let mut sheet = stocktakes::find(txn, id).await?;
    let parts = parts_of(txn, &sheet).await?;
    let sku = |i: &usize| {
        let part_id = sheet.lines[*i].part_id;
        parts.get(&part_id.uuid()).map(|p| p.sku.clone()).unwrap_or_else(|| part_id.to_string())
    };
    let mut balances = Vec::with_capacity(sheet.lines.len());
    for line in &sheet.lines {
        // Locked: nothing moves this part until the adjustment is written.
        balances.push(stock::locked_balance(txn, sheet.warehouse_id.uuid(), line.part_id.uuid(), now).await?);
    }
    // Each refused part is named by its line of the sheet (`lines[i].counted`).
    let line_of = |i: &usize| format!("lines[{i}].counted");
    let adjustments = sheet.adjustments(&balances).map_err(|refusal| match refusal {
        PostingRefusal::Uncounted(missing) => ApiError::ConflictAt {
            message: format!(
                "not every part is counted yet: {}",
                missing.iter().map(&sku).collect::<Vec<_>>().join(", ")
            ),
            errors: missing.iter().map(|i| FieldError::new(line_of(i), "not_counted", sku(i))).collect(),
        },
        PostingRefusal::BelowReserved(below) => ApiError::ConflictAt {
            message: format!(
                "counted below what is reserved for tickets: {}; release those reservations first",
                below
                    .iter()
                    .map(|(i, counted, reserved)| format!("{} (counted {counted}, {reserved} reserved)", sku(i)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            errors: below
                .iter()
                .map(|(i, _, reserved)| FieldError::new(line_of(i), "below_reserved", format!("{reserved} reserved")))
                .collect(),
        },
    })?;
    for (index, balance) in balances.iter().enumerate() {
        let (value, movement_id) = match adjustments.iter().find(|a| a.index == index) {
            None => (0, None),
            Some(adjustment) => {
                let meta = MovementMeta {
                    actor_id: Some(actor.user_id().into()),
                    reason: Some("stocktake".into()),
                    document_kind: Some(ENTITY.into()),
                    document_id: Some(sheet.id.uuid()),
                    ticket_id: None,
                };
                let movement = stocktake::adjustment(adjustment.delta);
                let (_, row) =
                    move_stock(txn, sheet.warehouse_id.uuid(), adjustment.part_id.uuid(), movement, meta, now)
                        .await?
                        .map_err(crate::use_cases::stock::refused)?;
                (row.value_delta_minor, Some(row.id))
            }
        };
        sheet.adjusted(index, balance.on_hand, value, movement_id);
        stocktakes::record_posting(txn, sheet.id.uuid(), &sheet.lines[index]).await?;
    }
    let after = stocktakes::find(txn, sheet.id.uuid()).await?;
    let out = stocktake_out(txn, &after).await?;
    work.audit(change("stocktake.post", &sheet, None, snapshot(&out))).await?;
    work.finish(StatusCode::OK, out).await
}
