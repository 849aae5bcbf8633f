//! Cancel a purchase order nothing has been received against.
use aftersales_api_types::purchasing::PurchaseOrderDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use uuid::Uuid;

use super::{refused, save_step, visible};
use crate::error::ApiError;
use crate::use_cases::{Actor, Work};

/// 409 once goods arrived: they are on the shelf and in the ledger, and go back
/// as a return to vendor.
pub async fn cancel(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
) -> Result<PurchaseOrderDto, ApiError> {
    actor.me.require(Permission::ManageParts)?;
    let work = Work::begin(db, actor).await?;
    let before = visible(work.db(), &actor.me, id, true).await?;
    let mut after = before.clone();
    after.cancel(work.now()).map_err(refused)?;
    let out = save_step(&work, "purchase_order.cancel", &before, &after, expected).await?;
    work.commit().await?;
    Ok(out)
}
