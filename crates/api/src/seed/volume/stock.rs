//! The stock of a generated network: spare parts for the catalogue's models, a
//! shelf at every outlet and a van for one technician of each, and the ledger.
//! Every movement goes through the ledger's rules (`ledger::apply`) on balances
//! kept in memory, so that each balance written at the end is the sum of its
//! movements and none ever went below zero: a shelf short of a part is restocked
//! first (a receipt at the outlet, a transfer from the outlet's shelf to a van).
use std::collections::{BTreeMap, HashMap};

use aftersales_domain::catalogue::ProductModel;
use aftersales_domain::ids::{MovementId, PartId, TicketId, UserId, WarehouseId};
use aftersales_domain::money::{Currency, Money};
use aftersales_domain::organisation::{Branch, BranchScope};
use aftersales_domain::stock::MovementKind;
use aftersales_domain::stock::balance::StockLine;
use aftersales_domain::stock::ledger::{self, Balance, LedgerRow, Movement, StockError};
use aftersales_domain::warehouses::WarehouseKind;
use aftersales_persistence::parts::Part;
use aftersales_persistence::warehouses::{self, Warehouse, WarehouseFilter};
use aftersales_persistence::{ConnectionTrait, stock_bulk};
use anyhow::Context;
use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use rand::rngs::StdRng;
use uuid::Uuid;

/// Components a generated part may be; `None` for accessories and hardware.
const COMPONENTS: [Option<&str>; 5] = [Some("compressor"), Some("pcb"), Some("fan_motor"), None, None];

/// `count` parts, each fitting one of the catalogue's models in turn, priced in đồng.
pub(super) fn parts(
    catalogue: &[ProductModel],
    count: usize,
    now: DateTime<Utc>,
    rng: &mut StdRng,
) -> anyhow::Result<Vec<Part>> {
    let vnd = Currency::parse("VND").context("VND is a currency")?;
    let mut all = Vec::with_capacity(count);
    for n in 0..count {
        let model = &catalogue[n % catalogue.len()];
        let component = COMPONENTS[(n / catalogue.len()) % COMPONENTS.len()];
        // Whole thousands of đồng, as price lists are written.
        let cost = rng.gen_range(50..3_000) * 1_000;
        all.push(Part {
            id: Uuid::now_v7(),
            brand_id: model.brand_id.uuid(),
            sku: format!("GP-{:05}", n + 1),
            name: format!("{} ({})", component.unwrap_or("accessory"), model.sku),
            component_code: component.map(str::to_owned),
            unit: "pcs".into(),
            serialised: component == Some("compressor"),
            standard_cost: Money::new(cost, vnd),
            price: Money::new(cost * 14 / 10, vnd),
            reorder_point: rng.gen_range(1..6),
            model_ids: vec![model.id.uuid()],
            active: true,
            created_at: now,
            updated_at: now,
            version: 1,
        });
    }
    Ok(all)
}

/// Where a ticket's parts come from: the technician's van if they have one, else
/// the outlet's shelf, which also restocks the van.
pub(super) struct Stores {
    /// Outlet id → its shelf.
    pub shelf_of: BTreeMap<Uuid, Uuid>,
    /// Technician id → their van.
    pub van_of: BTreeMap<Uuid, Uuid>,
    /// Warehouses the generator added (the demo's own are already written).
    pub added: Vec<Warehouse>,
}

/// A shelf for every outlet and a van for the first technician of each, reusing
/// the ones the demo already has (HN01-MAIN, the van of tech.hn01).
pub(super) async fn stores(
    db: &impl ConnectionTrait,
    everything: &BranchScope,
    outlets: &[Branch],
    technicians: &BTreeMap<Uuid, Vec<Uuid>>,
    now: DateTime<Utc>,
) -> anyhow::Result<Stores> {
    let existing = warehouses::list(db, everything, WarehouseFilter { limit: 10_000, ..Default::default() }).await?;
    let mut stores = Stores { shelf_of: BTreeMap::new(), van_of: BTreeMap::new(), added: Vec::new() };
    for outlet in outlets {
        let id = outlet.id.uuid();
        let of_outlet = |kind| existing.iter().find(|w| w.branch_id == id && w.kind == kind);
        let shelf = match of_outlet(WarehouseKind::Outlet) {
            Some(w) => w.id,
            None => stores.add(id, format!("{}-MAIN", outlet.code), format!("Kho {}", outlet.code), None, now),
        };
        stores.shelf_of.insert(id, shelf);
        match of_outlet(WarehouseKind::Van) {
            Some(w) => {
                stores.van_of.insert(w.technician_id.context("a van without a technician")?, w.id);
            }
            None => {
                let crew = technicians.get(&id).context("an outlet without technicians")?;
                let Some(&first) = crew.first() else { continue };
                let van =
                    stores.add(id, format!("{}-VAN-01", outlet.code), format!("Van {}", outlet.code), Some(first), now);
                stores.van_of.insert(first, van);
            }
        }
    }
    stock_bulk::insert_warehouses(db, &stores.added).await?;
    Ok(stores)
}

impl Stores {
    fn add(
        &mut self,
        branch_id: Uuid,
        code: String,
        name: String,
        technician_id: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> Uuid {
        let kind = if technician_id.is_some() { WarehouseKind::Van } else { WarehouseKind::Outlet };
        let id = Uuid::now_v7();
        self.added.push(Warehouse {
            id,
            branch_id,
            code,
            name,
            kind,
            technician_id,
            active: true,
            created_at: now,
            updated_at: now,
            version: 1,
        });
        id
    }
}

/// The balances as the ledger leaves them, and the rows not yet written.
#[derive(Default)]
pub(super) struct Ledger {
    balances: HashMap<(Uuid, Uuid), (Balance, DateTime<Utc>)>,
    pub rows: Vec<LedgerRow>,
    /// Rows decided so far, written or not.
    pub written: usize,
}

/// Who moved stock and for which ticket, for the ledger row.
#[derive(Clone, Copy)]
pub(super) struct Why {
    pub actor: Option<Uuid>,
    pub ticket: Option<Uuid>,
    pub reason: Option<&'static str>,
}

impl Ledger {
    pub fn balance(&self, warehouse: Uuid, part: Uuid) -> Balance {
        self.balances.get(&(warehouse, part)).map(|(b, _)| *b).unwrap_or_default()
    }

    /// Applies one movement by the ledger's rules and keeps its row.
    pub fn apply(
        &mut self,
        warehouse: Uuid,
        part: Uuid,
        m: Movement,
        why: Why,
        at: DateTime<Utc>,
    ) -> Result<ledger::Effect, StockError> {
        let entry = self.balances.entry((warehouse, part)).or_insert((Balance::default(), at));
        let (after, effect) = ledger::apply(entry.0, m)?;
        *entry = (after, at);
        self.written += 1;
        self.rows.push(LedgerRow {
            id: MovementId::generate(),
            warehouse_id: WarehouseId::from(warehouse),
            part_id: PartId::from(part),
            kind: m.kind,
            quantity_delta: effect.quantity_delta,
            value_delta_minor: effect.value_delta_minor,
            unit_cost_minor: effect.unit_cost_minor,
            on_hand_after: after.on_hand,
            actor_id: why.actor.map(UserId::from),
            reason: why.reason.map(str::to_owned),
            document_kind: None,
            document_id: None,
            ticket_id: why.ticket.map(TicketId::from),
            at,
        });
        Ok(effect)
    }

    /// Makes sure `quantity` of the part can be issued from `warehouse`: a van is
    /// topped up from its outlet's `shelf`, a shelf receives a delivery.
    pub fn restock(
        &mut self,
        warehouse: Uuid,
        shelf: Uuid,
        part: &Part,
        quantity: i64,
        at: DateTime<Utc>,
        rng: &mut StdRng,
    ) -> Result<(), StockError> {
        let short = quantity - self.balance(warehouse, part.id).available();
        if short <= 0 {
            return Ok(());
        }
        let why = Why { actor: None, ticket: None, reason: Some("restock") };
        let at = at - Duration::hours(2);
        if warehouse == shelf {
            let delivery = short + rng.gen_range(2..12);
            let receipt = Movement {
                kind: MovementKind::Receipt,
                quantity: delivery,
                unit_cost_minor: Some(part.standard_cost.minor()),
                from_reservation: false,
            };
            self.apply(shelf, part.id, receipt, why, at)?;
            return Ok(());
        }
        let load = short + rng.gen_range(0..3);
        self.restock(shelf, shelf, part, load, at, rng)?;
        let out = Movement {
            kind: MovementKind::TransferOut,
            quantity: load,
            unit_cost_minor: None,
            from_reservation: false,
        };
        let effect = self.apply(shelf, part.id, out, why, at)?;
        let inward = Movement {
            kind: MovementKind::TransferIn,
            quantity: load,
            unit_cost_minor: Some(effect.unit_cost_minor),
            from_reservation: false,
        };
        self.apply(warehouse, part.id, inward, why, at)?;
        Ok(())
    }

    /// Every balance that ever moved, as it stands after the last movement, in
    /// the order of the balances' key.
    pub fn lines(&self) -> Vec<StockLine> {
        let mut lines: Vec<StockLine> = self
            .balances
            .iter()
            .map(|(&(w, p), &(balance, updated_at))| StockLine {
                warehouse_id: WarehouseId::from(w),
                part_id: PartId::from(p),
                balance,
                updated_at,
            })
            .collect();
        lines.sort_unstable_by_key(|l| (l.warehouse_id, l.part_id));
        lines
    }
}
