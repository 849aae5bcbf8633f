//! A network at any size, written in bulk: outlets and their technicians,
//! customers, sold units, warranty policies, spare parts, shelves and vans, and
//! tickets of every kind in every stage, each with its timeline and the work done
//! on it (parts through the stock ledger, labour, callbacks, complaints, old
//! parts owed). The benchmarks fill a database with a million tickets this way
//! (`aftersales seed-volume --tickets 1000000`, see `scripts/bench/run.sh`) and
//! `seed-demo` a few hundred; rows go in as multi-row INSERTs of what the use
//! cases would have written one request at a time. Deterministic: the same size
//! gives the same network.
mod people;
mod stock;
mod tickets;
mod warranty;
mod work;

use std::collections::BTreeMap;

use aftersales_domain::access::Role;
use aftersales_domain::catalogue::ProductModel;
use aftersales_domain::organisation::{Branch, BranchKind, BranchScope};
use aftersales_persistence::branches::{self, BranchFilter};
use aftersales_persistence::catalogue::models::{self, ModelFilter};
use aftersales_persistence::parts::Part;
use aftersales_persistence::tickets::service_items::{self, ServiceItemFilter};
use aftersales_persistence::users::{self, UserFilter};
use aftersales_persistence::{DatabaseConnection, analyze, begin_write, settings, stock_bulk};
use anyhow::Context;
use chrono::Utc;
use rand::SeedableRng;
use rand::rngs::StdRng;
use uuid::Uuid;

use super::{DEMO_PASSWORD, insert_branch, insert_user, load_landmarks};
use crate::auth::passwords::hash_now;
use people::{Person, customers};
use tickets::tickets_and_units;
use work::Shop;

/// How big a network to write.
#[derive(Debug, Clone, Copy)]
pub struct Volume {
    pub outlets: usize,
    pub technicians_per_outlet: usize,
    pub customers: usize,
    pub tickets: usize,
    /// Spare parts, each fitting one model of the catalogue.
    pub parts: usize,
    /// Tickets came in over this many days up to now.
    pub span_days: i64,
    /// Keep each ticket's warranty decision as intake does, or only its status
    /// (a decision is a kilobyte of JSON: a gigabyte at a million tickets).
    pub warranty_decisions: bool,
}

impl Volume {
    /// The benchmark's network for `tickets` tickets: 30 outlets with 10
    /// technicians each, a customer for every five tickets, a unit for every
    /// ticket, a part for every 200 tickets, over a year.
    pub fn for_tickets(tickets: usize) -> Volume {
        Volume {
            outlets: 30,
            technicians_per_outlet: 10,
            customers: (tickets / 5).max(1),
            tickets,
            parts: (tickets / 200).max(20),
            span_days: 365,
            warranty_decisions: false,
        }
    }

    /// The demo's network: the demo's four outlets and four more, a few hundred
    /// tickets over four months, so that every list has something to show.
    pub fn demo() -> Volume {
        Volume {
            outlets: 8,
            technicians_per_outlet: 3,
            customers: 120,
            tickets: 400,
            parts: 40,
            span_days: 120,
            warranty_decisions: true,
        }
    }
}

/// What a benchmark needs to address the network it was given.
#[derive(Debug, serde::Serialize)]
pub struct Landmarks {
    /// A tracking code as printed on a receipt (only its hash is stored).
    pub tracking_code: String,
    pub serial: String,
    pub seconds: f64,
}

/// Outlets added beside the demo's, by market: parent, time zone, currency, code.
const MARKETS: [(&str, &str, &str, &str); 3] = [
    ("RC-HN", "Asia/Ho_Chi_Minh", "VND", "VN"),
    ("HQ", "Asia/Tehran", "IRR", "IR"),
    ("HQ", "Asia/Shanghai", "CNY", "CN"),
];

/// The hand-made demo (if the database is empty) and a network of `volume` on it.
pub async fn seed_volume(db: &DatabaseConnection, volume: Volume) -> anyhow::Result<Landmarks> {
    let started = std::time::Instant::now();
    load_landmarks(db).await?;
    let (tracking_code, serial, _) = network(db, volume).await?;
    Ok(Landmarks { tracking_code, serial, seconds: started.elapsed().as_secs_f64() })
}

/// Who and what the tickets are about.
struct Network {
    catalogue: Vec<ProductModel>,
    people: Vec<Person>,
    technicians: BTreeMap<Uuid, Vec<Uuid>>,
}

/// What a network holds, for `seed-demo` to report.
#[derive(Debug)]
pub struct Written {
    pub tickets: usize,
    pub parts: usize,
    pub warehouses: usize,
    pub movements: usize,
    pub balances: usize,
}

/// Writes a network of `volume` beside what the database holds; answers one
/// ticket's tracking code, one unit's serial and what it wrote.
pub(super) async fn network(db: &DatabaseConnection, volume: Volume) -> anyhow::Result<(String, String, Written)> {
    let mut rng = StdRng::seed_from_u64(2026);
    let now = Utc::now();
    let hq = branches::find_by_code(db, "HQ").await?.context("the demo head office is missing")?;
    let everything = BranchScope { branch_id: hq.id, path: hq.path.clone() };
    let outlets = outlets(db, &everything, volume).await?;
    let technicians = technicians(db, &everything, &outlets, volume).await?;
    let people = customers(db, &outlets, volume, &mut rng).await?;
    let filter =
        ModelFilter { q: None, brand_id: None, category_id: None, active: Some(true), after: None, limit: 1_000 };
    let catalogue = models::list(db, filter).await?;
    anyhow::ensure!(!catalogue.is_empty(), "the demo catalogue has no product models");
    let txn = begin_write(db).await?;
    let policies = warranty::write_policies(&txn, volume.warranty_decisions, now).await?;
    let parts = stock::parts(&catalogue, volume.parts, now, &mut rng)?;
    stock_bulk::insert_parts(&txn, &parts).await?;
    let stores = stock::stores(&txn, &everything, &outlets, &technicians, now).await?;
    let services = service_items::list(
        &txn,
        ServiceItemFilter { category_id: None, active: Some(true), after: None, limit: 1_000 },
    )
    .await?;
    let ticket_settings = settings::tickets(&txn).await?;
    txn.commit().await?;
    let mut parts_by_model: BTreeMap<Uuid, Vec<Part>> = BTreeMap::new();
    for part in parts {
        for model in &part.model_ids {
            parts_by_model.entry(*model).or_default().push(part.clone());
        }
    }
    let shop = Shop {
        parts_by_model,
        stores,
        services,
        callback_due_hours: i64::from(ticket_settings.callback_due_hours),
        defective_return_days: i64::from(ticket_settings.defective_return_days),
        now,
    };
    let network = Network { catalogue, people, technicians };
    let (tracking_code, serial, work) = tickets_and_units(db, &network, &shop, &policies, volume, &mut rng).await?;
    let txn = begin_write(db).await?;
    let balances = stock_bulk::insert_balances(&txn, work.ledger.lines()).await?;
    txn.commit().await?;
    // Rows written in bulk leave the planner's statistics behind.
    analyze(db).await?;
    let written = Written {
        tickets: volume.tickets,
        parts: volume.parts,
        warehouses: shop.stores.added.len(),
        movements: work.ledger.written,
        balances: usize::try_from(balances).unwrap_or(usize::MAX),
    };
    Ok((tracking_code, serial, written))
}

/// The demo's outlets and as many more as asked for, spread over the three markets.
async fn outlets(db: &DatabaseConnection, everything: &BranchScope, volume: Volume) -> anyhow::Result<Vec<Branch>> {
    let txn = begin_write(db).await?;
    let filter = BranchFilter { parent_id: None, q: None, after_code: None, limit: 10_000 };
    let all = branches::list(&txn, everything, filter).await?;
    let mut outlets: Vec<Branch> = all.iter().filter(|b| b.kind == BranchKind::Outlet).cloned().collect();
    let mut n = outlets.len();
    while outlets.len() < volume.outlets {
        n += 1;
        let (parent, time_zone, currency, prefix) = MARKETS[n % MARKETS.len()];
        let parent = all.iter().find(|b| b.code == parent).context("demo branch missing")?;
        let code = format!("{prefix}{n:02}");
        let name = format!("Outlet {code}");
        outlets.push(insert_branch(&txn, &code, &name, BranchKind::Outlet, Some(parent), time_zone, currency).await?);
    }
    txn.commit().await?;
    Ok(outlets)
}

/// Technicians by outlet id: the outlet's own (the demo's tech.hn01 first) and
/// as many more as asked for.
async fn technicians(
    db: &DatabaseConnection,
    everything: &BranchScope,
    outlets: &[Branch],
    volume: Volume,
) -> anyhow::Result<BTreeMap<Uuid, Vec<Uuid>>> {
    let password_hash = hash_now(DEMO_PASSWORD).map_err(|e| anyhow::anyhow!("{e}"))?;
    let txn = begin_write(db).await?;
    let mut by_outlet = BTreeMap::new();
    for outlet in outlets {
        let filter = UserFilter {
            branch_id: Some(outlet.id.uuid()),
            network_only: true,
            role: Some(Role::Technician),
            active: Some(true),
            q: None,
            after_username: None,
            limit: 1_000,
        };
        let own = users::list(&txn, everything, filter).await?;
        let mut ids: Vec<Uuid> = own.iter().map(|u| u.id.uuid()).collect();
        for i in 1..=volume.technicians_per_outlet {
            let username = format!("tech.{}.{i:02}", outlet.code.to_lowercase());
            let name = format!("Technician {i:02} ({})", outlet.code);
            let user =
                insert_user(&txn, &username, &name, outlet, &[Role::Technician], Vec::new(), password_hash.clone())
                    .await?;
            ids.push(user.id.uuid());
        }
        by_outlet.insert(outlet.id.uuid(), ids);
    }
    txn.commit().await?;
    Ok(by_outlet)
}
