//! Cancel a purchase order nothing has been received against.
use actix_web::http::StatusCode;
use aftersales_api_types::purchasing::PurchaseOrderDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use uuid::Uuid;

use super::{refused, save_step, visible};
use crate::error::ApiError;
use crate::use_cases::{Actor, Begun, Once, Work};

/// 409 once goods arrived: they are on the shelf and in the ledger, and go back
/// as a return to vendor.
pub async fn cancel(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
) -> Result<Once<PurchaseOrderDto>, ApiError> {
    actor.me.require(Permission::ManageParts)?;
    let work = match Work::begin_retryable(db, actor, &()).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let before = visible(work.db(), &actor.me, id, true).await?;
    let mut after = before.clone();
    after.cancel(work.now()).map_err(refused)?;
    let out = save_step(&work, "purchase_order.cancel", &before, &after, expected).await?;
    work.finish(StatusCode::OK, out).await
}
