//! Add a priced service to a product category's catalogue.
use actix_web::http::StatusCode;
use aftersales_api_types::service_items::{CreateServiceItem, ServiceItemDto};
use aftersales_domain::access::Permission;
use aftersales_persistence::catalogue::categories;
use aftersales_persistence::tickets::service_items::{self, NewServiceItem};
use aftersales_persistence::{DatabaseConnection, StoreError};

use super::ENTITY;
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::money_dto::money_in;
use crate::use_cases::tickets::work::{names_in, normalize_code, service_item_out};
use crate::use_cases::{Actor, Begun, Once, Work};

/// The code is trimmed and upper-cased and must be new to the category (409). The
/// price is exact: an amount finer than its currency allows is refused, not rounded.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    body: CreateServiceItem,
) -> Result<Once<ServiceItemDto>, ApiError> {
    actor.me.require(Permission::ConfigureTickets)?;
    let price = money_in(&body.price, "price")?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    match categories::find(work.db(), body.category_id).await {
        Err(StoreError::NotFound) => {
            return Err(ApiError::field(
                "category_id",
                "unknown_category",
                "there is no product category with this id",
            ));
        }
        other => other?,
    };
    let new = NewServiceItem {
        category_id: body.category_id,
        code: normalize_code(&body.code),
        names: names_in(body.names),
        price,
        standard_minutes: body.standard_minutes,
    };
    let item = service_items::insert(work.db(), new, work.now()).await?;
    let out = service_item_out(&item);
    work.audit(Change {
        action: "service_item.create",
        entity: ENTITY,
        entity_id: item.id,
        branch_id: None,
        before: None,
        after: snapshot(&out),
    })
    .await?;
    work.finish(StatusCode::CREATED, out).await
}
