//! Close a transfer whose rest will never arrive.
use aftersales_api_types::transfers::{CloseTransfer, TransferDto};
use aftersales_domain::access::Permission;
use aftersales_domain::stock::transfer::{Missing, TransferError};
use aftersales_persistence::DatabaseConnection;
use uuid::Uuid;

use super::{Side, finish_step, for_step, refused, sku};
use crate::error::ApiError;
use crate::use_cases::{Actor, Begun, Once, Work};

/// For every part still in transit, the request says how many are missing
/// (exactly what is in transit) and why. The missing units left the source's
/// stock when shipped and arrive nowhere; the lines keep the discrepancy and its
/// note. Only the destination side's people close a transfer.
pub async fn close_with_discrepancy(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: CloseTransfer,
) -> Result<Once<TransferDto>, ApiError> {
    actor.me.require(Permission::MoveStock)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let before = for_step(work.db(), &actor.me, id, Side::Destination, expected).await?;
    let missing: Vec<Missing> = body
        .lines
        .iter()
        .map(|l| Missing { part_id: l.part_id.into(), missing: l.missing, note: l.note.clone() })
        .collect();
    let mut after = before.clone();
    if let Err(refusal) = after.close_with_discrepancy(&missing, actor.user_id().into(), work.now()) {
        return Err(match refusal.reason {
            // Named by its SKU, which the people at the counter know it by.
            TransferError::Unaccounted { part_id, in_transit } => {
                let part = sku(work.db(), part_id.uuid()).await?;
                let message = format!("{in_transit} of {part} are still in transit; say what became of them");
                ApiError::field(&refusal.field, "unaccounted", message)
            }
            _ => refused(refusal),
        });
    }
    finish_step(work, "transfer.close", &before, &after, expected).await
}
