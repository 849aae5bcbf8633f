//! The demo spare parts (Daikin air-conditioner parts, a Samsung refrigerator
//! thermostat, priced in đồng) and the Hà Nội chain of warehouses: the head
//! office's central store, the regional store, the Cầu Giấy outlet's shelf, its
//! technician's van and its quarantine of defective parts.
use aftersales_domain::money::{Currency, Money};
use aftersales_domain::organisation::Branch;
use aftersales_domain::warehouses::WarehouseKind;
use aftersales_persistence::catalogue::brands::{self, BrandFilter};
use aftersales_persistence::catalogue::models::{self, ModelFilter};
use aftersales_persistence::{ConnectionTrait, parts, users, warehouses};
use anyhow::Context;
use chrono::Utc;
use uuid::Uuid;

use super::system;
use crate::audit::{self, Change, snapshot};
use crate::use_cases::parts::part_out;
use crate::use_cases::warehouses::warehouse_out;

struct DemoPart {
    brand: &'static str,
    sku: &'static str,
    name: &'static str,
    component: Option<&'static str>,
    serialised: bool,
    /// Standard cost and price in đồng.
    cost: i64,
    price: i64,
    reorder_point: i32,
    models: &'static [&'static str],
}

const DEMO_PARTS: [DemoPart; 5] = [
    DemoPart {
        brand: "DAIKIN",
        sku: "DK-CMP-FTKB",
        name: "Inverter swing compressor (FTKB25/35)",
        component: Some("compressor"),
        serialised: true,
        cost: 3_200_000,
        price: 4_500_000,
        reorder_point: 1,
        models: &["FTKB25WVMV", "FTKB35WVMV"],
    },
    DemoPart {
        brand: "DAIKIN",
        sku: "DK-PCB-FTKB25",
        name: "Indoor unit control board FTKB25",
        component: Some("pcb"),
        serialised: true,
        cost: 1_250_000,
        price: 1_850_000,
        reorder_point: 2,
        models: &["FTKB25WVMV"],
    },
    DemoPart {
        brand: "DAIKIN",
        sku: "DK-FAN-FTKB25",
        name: "Indoor fan motor FTKB25",
        component: Some("fan_motor"),
        serialised: false,
        cost: 650_000,
        price: 950_000,
        reorder_point: 2,
        models: &["FTKB25WVMV"],
    },
    DemoPart {
        brand: "DAIKIN",
        sku: "DK-RMC-ARC480",
        name: "Remote control ARC480",
        component: None,
        serialised: false,
        cost: 180_000,
        price: 290_000,
        reorder_point: 5,
        models: &["FTKB25WVMV", "FTKB35WVMV"],
    },
    DemoPart {
        brand: "SAMSUNG",
        sku: "SS-THM-RT38",
        name: "Refrigerator thermostat RT38",
        component: None,
        serialised: false,
        cost: 220_000,
        price: 350_000,
        reorder_point: 3,
        models: &["RT38CG6584B1"],
    },
];

/// Branch code, warehouse code, name, kind, and the username of a van's technician.
const DEMO_WAREHOUSES: [(&str, &str, &str, WarehouseKind, Option<&str>); 6] = [
    ("HQ", "HQ-CENTRAL", "Kho trung tâm", WarehouseKind::Central, None),
    ("RC-HN", "RC-HN-MAIN", "Kho miền Bắc", WarehouseKind::Regional, None),
    ("HN01", "HN01-MAIN", "Kho Cầu Giấy", WarehouseKind::Outlet, None),
    ("HN01", "HN01-VAN-AN", "Xe của Nguyễn Văn An", WarehouseKind::Van, Some("tech.hn01")),
    ("HN01", "HN01-DEF", "Kho hàng lỗi Cầu Giấy", WarehouseKind::Defective, None),
    ("HN01", "HN01-RET", "Kho hàng trả lại Cầu Giấy", WarehouseKind::Returns, None),
];

async fn record(
    db: &impl ConnectionTrait,
    action: &str,
    entity: &str,
    entity_id: Uuid,
    branch_id: Option<Uuid>,
    after: Option<serde_json::Value>,
) -> anyhow::Result<()> {
    let change = Change { action, entity, entity_id, branch_id, before: None, after };
    audit::record(db, None, &system(), change).await.map_err(|e| anyhow::anyhow!("{e}"))
}

async fn brand_id(db: &impl ConnectionTrait, code: &str) -> anyhow::Result<Uuid> {
    let filter = BrandFilter { q: Some(code.into()), limit: 50, ..Default::default() };
    let found = brands::list(db, filter).await?.into_iter().find(|b| b.code == code);
    Ok((found.with_context(|| format!("demo brand {code} missing"))?.id).uuid())
}

async fn model_id(db: &impl ConnectionTrait, sku: &str) -> anyhow::Result<Uuid> {
    let filter = ModelFilter { q: Some(sku.into()), limit: 50, ..Default::default() };
    let found = models::list(db, filter).await?.into_iter().find(|m| m.sku == sku);
    Ok((found.with_context(|| format!("demo model {sku} missing"))?.id).uuid())
}

/// Writes the demo parts and warehouses, each with its audit entry; returns how
/// many of each it wrote.
pub async fn seed(db: &impl ConnectionTrait, branches: &[Branch]) -> anyhow::Result<(usize, usize)> {
    let now = Utc::now();
    let vnd = Currency::parse("VND").context("VND is a currency")?;
    for p in &DEMO_PARTS {
        let mut model_ids = Vec::new();
        for sku in p.models {
            model_ids.push(model_id(db, sku).await?);
        }
        let new = parts::NewPart {
            brand_id: brand_id(db, p.brand).await?,
            sku: p.sku.into(),
            name: p.name.into(),
            component_code: p.component.map(str::to_owned),
            unit: "pcs".into(),
            serialised: p.serialised,
            standard_cost: Money::new(p.cost, vnd),
            price: Money::new(p.price, vnd),
            reorder_point: p.reorder_point,
            model_ids,
        };
        let part = parts::insert(db, new, now).await.with_context(|| format!("creating part {}", p.sku))?;
        record(db, "part.create", "part", part.id, None, snapshot(&part_out(&part))).await?;
    }
    for (branch, code, name, kind, technician) in DEMO_WAREHOUSES {
        let branch = branches.iter().find(|b| b.code == branch).context("demo branch missing")?;
        let technician_id = match technician {
            Some(username) => {
                let found = users::credentials(db, username).await?;
                Some(found.with_context(|| format!("demo user {username} missing"))?.user.id)
            }
            None => None,
        };
        let new = warehouses::NewWarehouse {
            branch_id: branch.id.uuid(),
            code: code.into(),
            name: name.into(),
            kind,
            technician_id: technician_id.map(uuid::Uuid::from),
        };
        let warehouse = warehouses::insert(db, new, now).await?;
        let after = snapshot(&warehouse_out(&warehouse));
        record(db, "warehouse.create", "warehouse", warehouse.id, Some(branch.id.uuid()), after).await?;
    }
    Ok((DEMO_PARTS.len(), DEMO_WAREHOUSES.len()))
}
