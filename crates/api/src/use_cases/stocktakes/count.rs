//! Record counts on an open count sheet.
use std::collections::BTreeSet;

use aftersales_api_types::FieldError;
use aftersales_api_types::stocktakes::{StocktakeCounts, StocktakeDto};
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, StoreError, parts, stock, stocktakes};
use uuid::Uuid;

use super::{change, closed_meanwhile, refused, stocktake_out, visible};
use crate::audit::snapshot;
use crate::error::ApiError;
use crate::use_cases::{Actor, Work};

/// A part counted again takes the new count. A part not yet on the sheet, found
/// on the shelf, is added with what the books hold now. A part that does not
/// exist is 422 naming its line; a closed sheet 409.
pub async fn count(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    body: StocktakeCounts,
) -> Result<StocktakeDto, ApiError> {
    actor.me.require(Permission::MoveStock)?;
    let work = Work::begin(db, actor).await?;
    let (txn, now) = (work.db(), work.now());
    let mut sheet = visible(txn, &actor.me, id).await?;
    sheet.ensure_open().map_err(refused)?;
    // Takes the sheet first: a posting that is under way finishes before these counts
    // are looked at, and then they are refused as late.
    if !stocktakes::touch_open(txn, sheet.id.uuid()).await? {
        return Err(closed_meanwhile(txn, sheet.id.uuid()).await);
    }
    let mut errors = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, line) in body.lines.iter().enumerate() {
        let field = format!("lines[{i}].part_id");
        if !seen.insert(line.part_id) {
            errors.push(FieldError::new(field, "duplicate", "this part is counted on an earlier line"));
        } else if !sheet.has(line.part_id.into()) {
            match parts::find(txn, line.part_id).await {
                Err(StoreError::NotFound) => {
                    errors.push(FieldError::new(field, "unknown_part", "there is no part with this id"))
                }
                Err(e) => return Err(e.into()),
                Ok(_) => {}
            }
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    for line in &body.lines {
        let books = if sheet.has(line.part_id.into()) {
            0
        } else {
            let books = stock::balances(txn, sheet.warehouse_id.uuid(), Some(line.part_id)).await?;
            books.first().map(|l| l.balance.on_hand).unwrap_or(0)
        };
        let counted =
            sheet.count(line.part_id.into(), line.counted, books, actor.user_id().into(), now).map_err(refused)?;
        stocktakes::record_count(txn, id, counted).await?;
    }
    let after = stocktakes::find(txn, sheet.id.uuid()).await?;
    let out = stocktake_out(txn, &after).await?;
    work.audit(change("stocktake.count", &sheet, None, snapshot(&body))).await?;
    work.commit().await?;
    Ok(out)
}
