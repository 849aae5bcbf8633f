//! A network at any size, written in bulk: outlets and their technicians,
//! customers, sold units and tickets of every kind in every stage, each with its
//! timeline. The benchmarks fill a database with a million tickets this way
//! (`aftersales seed-volume --tickets 1000000`, see `scripts/bench/run.sh`);
//! rows go in as multi-row INSERTs of what the use cases would have written one
//! request at a time. Deterministic: the same size gives the same network.
mod tickets;

use std::collections::BTreeMap;

use aftersales_domain::access::Role;
use aftersales_domain::customers::{CustomerKind, CustomerSource, Phone};
use aftersales_domain::organisation::{Branch, BranchKind, BranchScope, Locale};
use aftersales_domain::text_fold::normalize_phone;
use aftersales_persistence::branches::{self, BranchFilter};
use aftersales_persistence::customers::{NewCustomer, bulk as customer_bulk};
use aftersales_persistence::{DatabaseConnection, analyze, begin_write};
use anyhow::Context;
use chrono::Utc;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use uuid::Uuid;

use super::{DEMO_PASSWORD, insert_branch, insert_user, seed_demo};
use crate::auth::passwords::hash_now;
use tickets::tickets_and_units;

/// How big a network to write.
#[derive(Debug, Clone, Copy)]
pub struct Volume {
    pub outlets: usize,
    pub technicians_per_outlet: usize,
    pub customers: usize,
    pub tickets: usize,
}

impl Volume {
    /// The benchmark's network for `tickets` tickets: 30 outlets with 10
    /// technicians each, a customer for every five tickets, a unit for every ticket.
    pub fn for_tickets(tickets: usize) -> Volume {
        Volume { outlets: 30, technicians_per_outlet: 10, customers: (tickets / 5).max(1), tickets }
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

pub async fn seed_volume(db: &DatabaseConnection, volume: Volume) -> anyhow::Result<Landmarks> {
    let started = std::time::Instant::now();
    seed_demo(db).await?;
    let mut rng = StdRng::seed_from_u64(2026);
    let outlets = outlets(db, volume).await?;
    let technicians = technicians(db, &outlets, volume).await?;
    let customers = customers(db, &outlets, volume, &mut rng).await?;
    let (tracking_code, serial) = tickets_and_units(db, &technicians, &customers, volume, &mut rng).await?;
    // Rows written in bulk leave the planner's statistics behind.
    analyze(db).await?;
    Ok(Landmarks { tracking_code, serial, seconds: started.elapsed().as_secs_f64() })
}

/// The demo's outlets and as many more as asked for, spread over the three markets.
async fn outlets(db: &DatabaseConnection, volume: Volume) -> anyhow::Result<Vec<Branch>> {
    let txn = begin_write(db).await?;
    let filter = BranchFilter { parent_id: None, q: None, after_code: None, limit: 10_000 };
    let hq = branches::find_by_code(&txn, "HQ").await?.context("the demo head office is missing")?;
    let everything = BranchScope { branch_id: hq.id, path: hq.path.clone() };
    let all = branches::list(&txn, &everything, filter).await?;
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

/// Technicians by outlet id: the outlet's own and as many more as asked for.
async fn technicians(
    db: &DatabaseConnection,
    outlets: &[Branch],
    volume: Volume,
) -> anyhow::Result<BTreeMap<Uuid, Vec<Uuid>>> {
    let password_hash = hash_now(DEMO_PASSWORD).map_err(|e| anyhow::anyhow!("{e}"))?;
    let txn = begin_write(db).await?;
    let mut by_outlet = BTreeMap::new();
    for outlet in outlets {
        let mut ids = Vec::with_capacity(volume.technicians_per_outlet);
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

/// A customer written the way the outlet's market writes names and phones.
pub(super) struct Person {
    pub id: Uuid,
    pub name: String,
    pub phone: String,
    /// The phone as search and duplicate checks read it.
    pub normalized: String,
    pub locale: Locale,
    /// The outlet they come to, and its code (for ticket numbers).
    pub branch_id: Uuid,
    pub branch_code: String,
}

fn person(i: usize, outlet: &Branch, rng: &mut StdRng) -> Person {
    const VI: ([&str; 8], [&str; 5], [&str; 8]) = (
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"],
        ["Văn", "Thị", "Minh", "Quốc", "Thu"],
        ["Hoa", "Bảo", "Lan", "Hùng", "Mai", "Tuấn", "Linh", "Dũng"],
    );
    const FA: ([&str; 6], [&str; 5]) =
        (["علی", "مریم", "رضا", "زهرا", "حسین", "فاطمه"], ["احمدی", "محمدی", "حسینی", "رضایی", "کریمی"]);
    const ZH: ([&str; 5], [&str; 6]) = (["王", "李", "张", "刘", "陈"], ["伟", "芳", "娜", "敏", "静", "强"]);
    let pick = |list: &[&'static str], rng: &mut StdRng| list[rng.gen_range(0..list.len())];
    let (name, phone, locale) = match outlet.currency.code() {
        "IRR" => {
            (format!("{} {}", pick(&FA.0, rng), pick(&FA.1, rng)), format!("+98 912 {:07}", i % 10_000_000), Locale::Fa)
        }
        "CNY" => {
            (format!("{}{}", pick(&ZH.0, rng), pick(&ZH.1, rng)), format!("+86 138 {:08}", i % 100_000_000), Locale::Zh)
        }
        _ => (
            format!("{} {} {}", pick(&VI.0, rng), pick(&VI.1, rng), pick(&VI.2, rng)),
            format!("+84 9{:08}", i % 100_000_000),
            Locale::Vi,
        ),
    };
    let normalized = normalize_phone(&phone).unwrap_or_default();
    let (branch_id, branch_code) = (outlet.id.uuid(), outlet.code.clone());
    Person { id: Uuid::now_v7(), name, phone, normalized, locale, branch_id, branch_code }
}

async fn customers(
    db: &DatabaseConnection,
    outlets: &[Branch],
    volume: Volume,
    rng: &mut StdRng,
) -> anyhow::Result<Vec<Person>> {
    let people: Vec<Person> = (0..volume.customers).map(|i| person(i, &outlets[i % outlets.len()], rng)).collect();
    let rows: Vec<NewCustomer> = people
        .iter()
        .map(|p| NewCustomer {
            id: p.id,
            branch_id: p.branch_id,
            kind: CustomerKind::Individual,
            name: p.name.clone(),
            tax_id: None,
            locale: p.locale,
            source: CustomerSource::WalkIn,
            notes: None,
            phones: vec![Phone { number: p.phone.clone(), normalized: p.normalized.clone(), label: None }],
            emails: Vec::new(),
            addresses: Vec::new(),
        })
        .collect();
    let txn = begin_write(db).await?;
    customer_bulk::insert_customers(&txn, &rows, Utc::now()).await?;
    txn.commit().await?;
    Ok(people)
}
