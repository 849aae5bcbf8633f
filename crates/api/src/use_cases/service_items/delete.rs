//! Delete a service item no labour line was taken from.
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::{labour, service_items};
use uuid::Uuid;

use super::ENTITY;
use crate::audit::{Change, snapshot};
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::tickets::work::service_item_out;
use crate::use_cases::{Actor, Work};

/// An item in use answers 409: retire it with `active: false` instead.
pub async fn delete(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> Result<(), ApiError> {
    actor.me.require(Permission::ConfigureTickets)?;
    let work = Work::begin(db, actor).await?;
    let item = service_items::find(work.db(), id).await.or_not_found("service item")?;
    let used = labour::count_of_item(work.db(), item.id).await?;
    if used > 0 {
        return Err(ApiError::Conflict(format!(
            "{used} labour line(s) were taken from service item {}; retire it with active: false instead",
            item.code
        )));
    }
    service_items::delete(work.db(), item.id).await?;
    work.audit(Change {
        action: "service_item.delete",
        entity: ENTITY,
        entity_id: item.id,
        branch_id: None,
        before: snapshot(&service_item_out(&item)),
        after: None,
    })
    .await?;
    work.commit().await
}
