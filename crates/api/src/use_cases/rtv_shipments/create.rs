//! Pack old parts for the manufacturer.
use actix_web::http::StatusCode;
use std::collections::HashSet;

use aftersales_api_types::rtv::{CreateRtvShipment, RtvShipmentDto};
use aftersales_domain::access::Permission;
use aftersales_domain::regional::local_date;
use aftersales_domain::stock::numbering::{DocumentSeries, document_number};
use aftersales_domain::stock::rtv::{Candidate, may_batch};
use aftersales_domain::warehouses::WarehouseKind;
use aftersales_persistence::catalogue::brands;
use aftersales_persistence::rtv_shipments::{self, NewRtvShipment};
use aftersales_persistence::{DatabaseConnection, StoreError, branches, defective_parts, document_counters, parts};
use chrono::Datelike;

use super::{ENTITY, shipment_out, summary_out};
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::stock::movable_warehouse;
use crate::use_cases::{Actor, Begun, Once, Work};
use aftersales_domain::text::optional_text;

/// Parts of one brand, handed in to one defective-parts warehouse of the
/// caller's part of the network and in no other shipment; a part that does not
/// qualify is refused naming it (`defective_part_ids[2]`). Nothing moves until
/// the shipment is shipped. The number (`RTV-HN01-2026-000001`) follows the
/// warehouse's branch without gaps.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    body: CreateRtvShipment,
) -> Result<Once<RtvShipmentDto>, ApiError> {
    let me = &actor.me;
    me.require(Permission::MoveStock)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let (txn, now) = (work.db(), work.now());
    let warehouse = movable_warehouse(txn, me, body.warehouse_id, "warehouse_id").await?;
    if warehouse.kind != WarehouseKind::Defective {
        return Err(ApiError::field(
            "warehouse_id",
            "not_defective",
            "old parts go back from a defective-parts warehouse",
        ));
    }
    match brands::find(txn, body.brand_id).await {
        Err(StoreError::NotFound) => return Err(ApiError::field("brand_id", "unknown_brand", "no such brand")),
        other => other?,
    };
    let mut seen = HashSet::new();
    for (i, &id) in body.defective_part_ids.iter().enumerate() {
        let field = format!("defective_part_ids[{i}]");
        if !seen.insert(id) {
            return Err(ApiError::field(&field, "duplicate", "each old part once"));
        }
        let old = match defective_parts::lock_in_scope(txn, &me.scope, id).await {
            Err(StoreError::NotFound) => {
                return Err(ApiError::field(&field, "unknown_part", "no such old part in your part of the network"));
            }
            other => other?,
        };
        let part = parts::find(txn, old.part_id).await?;
        let candidate = Candidate {
            status: old.status,
            in_shipment: old.rtv_shipment_id.is_some(),
            warehouse: old.received_warehouse_id,
            brand: part.brand_id,
        };
        may_batch(candidate, warehouse.id, body.brand_id)
            .map_err(|e| ApiError::field(&field, e.code(), format!("{}: {e}", part.sku)))?;
    }
    let branch = branches::find(txn, warehouse.branch_id).await?;
    let year = local_date(&branch.time_zone, now).unwrap_or_else(|| now.date_naive()).year();
    let sequence = document_counters::next(txn, branch.id.uuid(), DocumentSeries::ReturnToVendor, year).await?;
    let new = NewRtvShipment {
        number: document_number(DocumentSeries::ReturnToVendor, &branch.code, year, sequence),
        branch_id: branch.id.uuid(),
        warehouse_id: warehouse.id,
        brand_id: body.brand_id,
        note: optional_text(body.note),
        created_by: me.user_id,
        part_ids: body.defective_part_ids,
    };
    let shipment = rtv_shipments::insert(txn, new, now).await.map_err(|e| match e {
        StoreError::StaleVersion => ApiError::Conflict("another shipment took one of these parts meanwhile".into()),
        other => other.into(),
    })?;
    let out = shipment_out(txn, &shipment).await?;
    let change = Change {
        action: "rtv_shipment.create",
        entity: ENTITY,
        entity_id: shipment.id,
        branch_id: Some(shipment.branch_id),
        before: None,
        after: snapshot(&summary_out(&shipment)),
    };
    work.audit(change).await?;
    work.finish(StatusCode::CREATED, out).await
}
