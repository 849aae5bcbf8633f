//! Draft a purchase order to a supplier or a manufacturer.
use actix_web::http::StatusCode;
use aftersales_api_types::purchasing::{CreatePurchaseOrder, PurchaseOrderDto};
use aftersales_domain::access::Permission;
use aftersales_domain::regional::local_date;
use aftersales_domain::stock::numbering::{DocumentSeries, document_number};
use aftersales_persistence::purchase_orders::{self, NewPurchaseOrder};
use aftersales_persistence::{DatabaseConnection, branches, document_counters};
use chrono::Datelike;

use super::{audit_step, brand_in, lines_in};
use crate::error::ApiError;
use crate::money_dto::currency_in;
use crate::use_cases::stock::movable_warehouse;
use crate::use_cases::{Actor, Begun, Once, Work};
use aftersales_domain::text::optional_text;

/// To be received into an open warehouse of the actor's part of the network.
/// Every line's part must be active and costed in the order's currency, once per
/// order (422 naming `lines[i].part_id`). The number (`PO-HN01-2026-000001`)
/// follows the warehouse's branch series without gaps.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    body: CreatePurchaseOrder,
) -> Result<Once<PurchaseOrderDto>, ApiError> {
    let me = &actor.me;
    me.require(Permission::ManageParts)?;
    let currency = currency_in(&body.currency, "currency")?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let (txn, now) = (work.db(), work.now());
    let warehouse = movable_warehouse(txn, me, body.warehouse_id, "warehouse_id").await?;
    brand_in(txn, body.brand_id).await?;
    let lines = lines_in(txn, &body.lines, currency).await?;
    let branch = branches::find(txn, warehouse.branch_id).await?;
    let year = local_date(&branch.time_zone, now).unwrap_or_else(|| now.date_naive()).year();
    let sequence = document_counters::next(txn, branch.id.uuid(), DocumentSeries::PurchaseOrder, year).await?;
    let new = NewPurchaseOrder {
        number: document_number(DocumentSeries::PurchaseOrder, &branch.code, year, sequence),
        branch_id: branch.id.uuid(),
        warehouse_id: warehouse.id,
        supplier_name: body.supplier_name.trim().to_owned(),
        brand_id: body.brand_id,
        currency,
        expected_on: body.expected_on,
        note: optional_text(body.note),
        created_by: me.user_id,
        lines,
    };
    let order = purchase_orders::insert(txn, new, now).await?;
    let out = audit_step(&work, "purchase_order.create", None, &order).await?;
    work.finish(StatusCode::CREATED, out).await
}
