//! Demo units in the serial registry: sold, owned by demo customers, one with a
//! swapped compressor, so that lookup and history can be tried at once.
use aftersales_domain::customers::Customer;
use aftersales_domain::serials::normalize_serial;
use aftersales_persistence::ConnectionTrait;
use aftersales_persistence::catalogue::models::{self, ModelFilter};
use aftersales_persistence::serials::{self, NewUnit, UnitFacts, events, owners, swaps};
use anyhow::Context;
use chrono::{NaiveDate, Utc};
use serde_json::json;
use uuid::Uuid;

use super::system;
use crate::audit::{self, Change, snapshot};
use crate::serial_dto;

struct DemoSerial {
    sku: &'static str,
    serial: &'static str,
    sold_on: (i32, u32, u32),
    card: &'static str,
    document: &'static str,
    owner: &'static str,
    /// A compressor swapped on this day under this repair order.
    swap: Option<((i32, u32, u32), &'static str)>,
}

const DEMO_SERIALS: [DemoSerial; 3] = [
    DemoSerial {
        sku: "FTKB25WVMV",
        serial: "K3J-10042",
        sold_on: (2025, 6, 12),
        card: "DK-WC-010042",
        document: "HD-2025-0612",
        owner: "Nguyễn Thị Hoa",
        swap: Some(((2026, 7, 3), "RO-HN01-2026-000017")),
    },
    DemoSerial {
        sku: "RT38CG6584B1",
        serial: "R38-7Q-11825",
        sold_on: (2025, 11, 2),
        card: "SS-WC-118250",
        document: "فاکتور-۱۴۰۴-۸۸",
        owner: "مریم رضایی",
        swap: None,
    },
    DemoSerial {
        sku: "QA55Q60D",
        serial: "0XBT3CNW500123",
        sold_on: (2026, 3, 8),
        card: "SS-WC-500123",
        document: "JD-20260308-77",
        owner: "王小明",
        swap: None,
    },
];

fn day((y, m, d): (i32, u32, u32)) -> anyhow::Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).with_context(|| format!("demo date {y}-{m}-{d}"))
}

/// Registers the demo units, each with its owner, events and audit row.
pub(super) async fn seed(db: &impl ConnectionTrait, customers: &[Customer]) -> anyhow::Result<usize> {
    for s in &DEMO_SERIALS {
        let filter = ModelFilter {
            q: Some(s.sku.into()),
            brand_id: None,
            category_id: None,
            active: None,
            after: None,
            limit: 10,
        };
        let model = models::list(db, filter)
            .await?
            .into_iter()
            .find(|m| m.sku == s.sku)
            .with_context(|| format!("demo model {}", s.sku))?;
        let owner = customers.iter().find(|c| c.name == s.owner).with_context(|| format!("demo owner {}", s.owner))?;
        let sold_on = day(s.sold_on)?;
        let now = Utc::now();
        let facts = UnitFacts {
            sale_date: Some(sold_on),
            sale_document: Some(s.document.into()),
            registration_date: Some(sold_on),
            warranty_card_number: Some(s.card.into()),
            owner_customer_id: Some(owner.id.uuid()),
            ..Default::default()
        };
        let serial_key = normalize_serial(s.serial).with_context(|| format!("demo serial {}", s.serial))?;
        let new = NewUnit {
            id: Uuid::now_v7(),
            brand_id: model.brand_id.uuid(),
            model_id: model.id.uuid(),
            serial: s.serial.into(),
            serial_key,
            facts,
        };
        let unit = serials::insert(db, new, now).await.with_context(|| format!("registering {}", s.serial))?;
        let ownership = owners::NewOwnership {
            serial_id: unit.id.uuid(),
            customer_id: owner.id.uuid(),
            from_date: sold_on,
            note: None,
            created_by: None,
        };
        owners::hand_over(db, ownership, now).await?;
        events::record(
            db,
            unit.id.uuid(),
            "registered",
            None,
            json!({"serial": unit.serial, "model_id": unit.model_id.uuid()}),
            now,
        )
        .await?;
        if let Some((on, reference)) = s.swap {
            let swap = swaps::ComponentSwap {
                id: Uuid::now_v7(),
                serial_id: unit.id.uuid(),
                component_code: "compressor".into(),
                old_part_serial: None,
                new_part_serial: None,
                swapped_on: day(on)?,
                reference: reference.into(),
                warranty_days: 90,
                created_at: now,
                created_by: None,
            };
            swaps::insert(db, &swap).await?;
            let details = json!({"swap_id": swap.id, "component_code": "compressor", "reference": reference});
            events::record(db, unit.id.uuid(), "component_swapped", None, details, now).await?;
        }
        let change = Change {
            action: "serial.register",
            entity: "serial",
            entity_id: unit.id.uuid(),
            branch_id: None,
            before: None,
            after: snapshot(&serial_dto::unit_out(&unit)),
        };
        audit::record(db, None, &system(), change).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    Ok(DEMO_SERIALS.len())
}
