//! Change a service item's names, price, standard time, or retire it; its code
//! and category stay, and lines already recorded keep their price.
use aftersales_api_types::service_items::{ServiceItemDto, UpdateServiceItem};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::service_items::{self, ServiceItemChanges};
use uuid::Uuid;

use super::ENTITY;
use crate::audit::{Change, snapshot};
use crate::error::{ApiError, NotFoundAs};
use crate::money_dto::money_in;
use crate::use_cases::tickets::work::{names_in, service_item_out};
use crate::use_cases::{Actor, Work};

/// 412 when the item is no longer at `expected` version.
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: UpdateServiceItem,
) -> Result<ServiceItemDto, ApiError> {
    actor.me.require(Permission::ConfigureTickets)?;
    let price = body.price.as_ref().map(|p| money_in(p, "price")).transpose()?;
    let work = Work::begin(db, actor).await?;
    let current = service_items::find(work.db(), id).await.or_not_found("service item")?;
    let changes = ServiceItemChanges {
        names: body.names.map(names_in),
        price,
        standard_minutes: body.standard_minutes,
        active: body.active,
    };
    let updated = service_items::update(work.db(), &current, expected, changes, work.now()).await?;
    let out = service_item_out(&updated);
    work.audit(Change {
        action: "service_item.update",
        entity: ENTITY,
        entity_id: updated.id,
        branch_id: None,
        before: snapshot(&service_item_out(&current)),
        after: snapshot(&out),
    })
    .await?;
    work.commit().await?;
    Ok(out)
}
