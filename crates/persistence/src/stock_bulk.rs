//! The stock side of a network written at once, for the volume generator behind
//! the benchmarks and the demo: parts with the models they fit, warehouses, ledger
//! rows and the balances they add up to. The caller decides every row with the
//! ledger's rules (`aftersales_domain::stock::ledger`); this only stores them, in
//! chunked multi-row INSERTs.
use aftersales_domain::stock::balance::StockLine;
use aftersales_domain::stock::ledger::LedgerRow;
use sea_orm::{ConnectionTrait, Set};

use crate::StoreError;
use crate::bulk::insert_all;
use crate::entities::{part_models, parts, stock_balances, stock_movements, warehouses};
use crate::parts::{Part, search_key};
use crate::warehouses::Warehouse;

/// Parts as `parts::insert` writes them, with the links to the models they fit.
pub async fn insert_parts(db: &impl ConnectionTrait, all: &[Part]) -> Result<u64, StoreError> {
    let rows = all.iter().map(|p| parts::ActiveModel {
        id: Set(p.id),
        brand_id: Set(p.brand_id),
        sku: Set(p.sku.clone()),
        name: Set(p.name.clone()),
        search_key: Set(search_key(&p.sku, &p.name)),
        component_code: Set(p.component_code.clone()),
        unit: Set(p.unit.clone()),
        serialised: Set(p.serialised),
        standard_cost_minor: Set(p.standard_cost.minor()),
        price_minor: Set(p.price.minor()),
        currency: Set(p.currency().code().to_owned()),
        reorder_point: Set(p.reorder_point),
        active: Set(p.active),
        created_at: Set(p.created_at),
        updated_at: Set(p.updated_at),
        version: Set(p.version),
    });
    let written = insert_all(db, rows).await?;
    let links = all
        .iter()
        .flat_map(|p| p.model_ids.iter().map(|&m| part_models::ActiveModel { part_id: Set(p.id), model_id: Set(m) }));
    insert_all(db, links).await?;
    Ok(written)
}

pub async fn insert_warehouses(db: &impl ConnectionTrait, all: &[Warehouse]) -> Result<u64, StoreError> {
    let rows = all.iter().map(|w| warehouses::ActiveModel {
        id: Set(w.id),
        branch_id: Set(w.branch_id),
        code: Set(w.code.clone()),
        name: Set(w.name.clone()),
        kind: Set(w.kind.as_str().to_owned()),
        technician_id: Set(w.technician_id),
        active: Set(w.active),
        created_at: Set(w.created_at),
        updated_at: Set(w.updated_at),
        version: Set(w.version),
    });
    Ok(insert_all(db, rows).await?)
}

/// Append-only ledger rows, as `stock::save_movement` writes them one at a time.
pub async fn insert_movements(db: &impl ConnectionTrait, all: Vec<LedgerRow>) -> Result<u64, StoreError> {
    let rows = all.into_iter().map(|r| stock_movements::ActiveModel {
        id: Set(r.id.uuid()),
        warehouse_id: Set(r.warehouse_id.uuid()),
        part_id: Set(r.part_id.uuid()),
        kind: Set(r.kind.as_str().to_owned()),
        quantity_delta: Set(r.quantity_delta),
        value_delta_minor: Set(r.value_delta_minor),
        unit_cost_minor: Set(r.unit_cost_minor),
        on_hand_after: Set(r.on_hand_after),
        actor_id: Set(r.actor_id.map(|a| a.uuid())),
        reason: Set(r.reason),
        document_kind: Set(r.document_kind),
        document_id: Set(r.document_id),
        ticket_id: Set(r.ticket_id.map(|t| t.uuid())),
        at: Set(r.at),
    });
    Ok(insert_all(db, rows).await?)
}

/// The balances the ledger rows above end at: one row a part and warehouse that
/// ever moved, written once at the end instead of updated at every movement.
pub async fn insert_balances(
    db: &impl ConnectionTrait,
    all: impl IntoIterator<Item = StockLine>,
) -> Result<u64, StoreError> {
    let rows = all.into_iter().map(|l| stock_balances::ActiveModel {
        warehouse_id: Set(l.warehouse_id.uuid()),
        part_id: Set(l.part_id.uuid()),
        on_hand: Set(l.balance.on_hand),
        reserved: Set(l.balance.reserved),
        value_minor: Set(l.balance.value_minor),
        updated_at: Set(l.updated_at),
        version: Set(1),
    });
    Ok(insert_all(db, rows).await?)
}
