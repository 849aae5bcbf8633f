//! Reading orders: the list, one order with its lines, history and returns, and
//! the units a returns warehouse keeps.
use aftersales_api_types::Page;
use aftersales_api_types::orders::{OrderDto, OrderQuery, OrderReturnDto, OrderSummaryDto, ReturnedUnitsQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::orders::{self, OrderFilter};
use aftersales_persistence::{DatabaseConnection, warehouses};
use std::collections::HashMap;

use uuid::Uuid;

use super::out::{Names, order_out, return_out, status_in, summary_out};
use super::{order_in_sight, sight};
use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};
use crate::pagination;

/// The orders the caller sees, newest first.
pub async fn list(db: &DatabaseConnection, me: &Principal, q: OrderQuery) -> Result<Page<OrderSummaryDto>, ApiError> {
    me.require(Permission::ManageOrders)?;
    let limit = pagination::limit(q.limit);
    let filter = OrderFilter {
        partner_id: q.partner_id,
        status: q.status.map(status_in).transpose()?,
        external_reference: q.external_reference.map(|r| r.trim().to_owned()),
        customer_id: q.customer_id,
        after_id: pagination::decode_id_cursor(q.cursor.as_deref())?,
        limit,
    };
    let rows = orders::list(db, &sight(me), filter).await?;
    let names = Names::of(db, &rows).await?;
    Ok(pagination::page(rows, limit, |o| o.id.to_string(), |o| summary_out(o, &names)))
}

pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<OrderDto, ApiError> {
    let order = order_in_sight(db, me, id).await?;
    order_out(db, &order).await
}

/// The units returned to the network and kept in this returns warehouse, newest first.
pub async fn returned_units(
    db: &DatabaseConnection,
    me: &Principal,
    warehouse_id: Uuid,
    q: ReturnedUnitsQuery,
) -> Result<Page<OrderReturnDto>, ApiError> {
    me.require(Permission::ManageOrders)?;
    warehouses::find_in_scope(db, &me.scope, warehouse_id).await.or_not_found("warehouse")?;
    let limit = pagination::limit(q.limit);
    let after = pagination::decode_id_cursor(q.cursor.as_deref())?;
    let rows = orders::kept_in(db, warehouse_id, after, limit).await?;
    let mut line_nos = HashMap::new();
    for r in &rows {
        if !line_nos.contains_key(&r.line_id) {
            for line in orders::lines_of(db, r.order_id).await? {
                line_nos.insert(line.id, line.line_no);
            }
        }
    }
    let line_no = |r: &orders::OrderReturn| line_nos.get(&r.line_id).copied().unwrap_or_default();
    Ok(pagination::page(rows, limit, |r| r.id.to_string(), |r| return_out(r, line_no(r))))
}
