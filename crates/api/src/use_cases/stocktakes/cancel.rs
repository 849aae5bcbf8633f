//! Close an open count sheet without adjusting anything.
use actix_web::http::StatusCode;
use aftersales_api_types::stocktakes::StocktakeDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, stocktakes};
use uuid::Uuid;

use super::{change, refused, save_closed, stocktake_out, summary_out, visible};
use crate::audit::snapshot;
use crate::error::ApiError;
use crate::use_cases::{Actor, Begun, Once, Work};

/// The warehouse may then open another.
pub async fn cancel(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> Result<Once<StocktakeDto>, ApiError> {
    actor.me.require(Permission::MoveStock)?;
    let work = match Work::begin_retryable(db, actor, &()).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let txn = work.db();
    let sheet = visible(txn, &actor.me, id).await?;
    let mut cancelled = sheet.clone();
    cancelled.cancel(actor.user_id().into(), work.now()).map_err(refused)?;
    save_closed(txn, &cancelled).await?;
    let after = stocktakes::find(txn, sheet.id.uuid()).await?;
    let out = stocktake_out(txn, &after).await?;
    let before = snapshot(&summary_out(&sheet));
    work.audit(change("stocktake.cancel", &sheet, before, snapshot(&summary_out(&after)))).await?;
    work.finish(StatusCode::OK, out).await
}
