//! The demo product catalogue: a few brands of the first markets (Vietnam, Iran,
//! China), the categories the demo technicians are skilled in, and models with the
//! components their warranties cover separately.
use aftersales_domain::organisation::Skill;
use aftersales_persistence::ConnectionTrait;
use aftersales_persistence::catalogue::{brands, categories, category_skills, components, models};
use anyhow::Context;
use chrono::Utc;
use uuid::Uuid;

use super::system;
use crate::audit::{self, Change, snapshot};
use crate::dto;

/// Code, name, country.
const DEMO_BRANDS: [(&str, &str, &str); 4] = [
    ("DAIKIN", "Daikin", "JP"),
    ("SAMSUNG", "Samsung Electronics", "KR"),
    ("HAIER", "Haier", "CN"),
    ("MIDEA", "Midea", "CN"),
];

/// The same keys as the demo skills, so a technician's skills name categories.
const DEMO_CATEGORIES: [(&str, &str); 4] = [
    ("air_conditioner", "Air conditioners"),
    ("refrigerator", "Refrigerators"),
    ("washing_machine", "Washing machines"),
    ("television", "Televisions"),
];

/// Category code and the skill codes its units need: only a trained technician
/// installs or repairs an air conditioner (refrigerant handling).
const DEMO_REQUIRED_SKILLS: [(&str, &[&str]); 1] = [("air_conditioner", &["air_conditioner"])];

struct DemoModel {
    brand: &'static str,
    category: &'static str,
    sku: &'static str,
    name: &'static str,
    needs_installation: bool,
    components: &'static [(&'static str, &'static str)],
}

const DEMO_MODELS: [DemoModel; 6] = [
    DemoModel {
        brand: "DAIKIN",
        category: "air_conditioner",
        sku: "FTKB25WVMV",
        name: "Daikin Inverter 1 HP split air conditioner",
        needs_installation: true,
        components: &[
            ("compressor", "Inverter swing compressor"),
            ("pcb", "Indoor unit control board"),
            ("fan_motor", "Indoor fan motor"),
        ],
    },
    DemoModel {
        brand: "DAIKIN",
        category: "air_conditioner",
        sku: "FTKB35WVMV",
        name: "Daikin Inverter 1.5 HP split air conditioner",
        needs_installation: true,
        components: &[("compressor", "Inverter swing compressor"), ("pcb", "Indoor unit control board")],
    },
    DemoModel {
        brand: "MIDEA",
        category: "air_conditioner",
        sku: "MSAFB-10CRDN8",
        name: "Midea Inverter 1 HP split air conditioner",
        needs_installation: true,
        components: &[("compressor", "Rotary inverter compressor"), ("pcb", "Control board")],
    },
    DemoModel {
        brand: "SAMSUNG",
        category: "refrigerator",
        sku: "RT38CG6584B1",
        name: "Samsung Bespoke 382 L top-mount refrigerator",
        needs_installation: false,
        components: &[("compressor", "Digital inverter compressor"), ("pcb", "Main control board")],
    },
    DemoModel {
        brand: "SAMSUNG",
        category: "television",
        sku: "QA55Q60D",
        name: "Samsung 55\" QLED 4K Q60D",
        needs_installation: false,
        components: &[("panel", "55-inch QLED panel"), ("pcb", "Main board")],
    },
    DemoModel {
        brand: "HAIER",
        category: "washing_machine",
        sku: "HW90-BP14959S8",
        name: "Haier 9 kg front-load washing machine",
        needs_installation: true,
        components: &[("motor", "Direct-drive inverter motor"), ("pcb", "Control board")],
    },
];

async fn record_creation(
    db: &impl ConnectionTrait,
    action: &str,
    entity: &str,
    entity_id: Uuid,
    after: Option<serde_json::Value>,
) -> anyhow::Result<()> {
    let change = Change { action, entity, entity_id, branch_id: None, before: None, after };
    audit::record(db, None, &system(), change).await.map_err(|e| anyhow::anyhow!("{e}"))
}

/// Writes the demo catalogue, each row with its audit entry, and the skills its
/// categories require (from `skills`); returns how many models it wrote.
pub async fn seed_catalogue(db: &impl ConnectionTrait, skills: &[Skill]) -> anyhow::Result<usize> {
    let now = Utc::now();
    let mut brand_ids = Vec::new();
    for (code, name, country) in DEMO_BRANDS {
        let new = brands::NewBrand { code: code.into(), name: name.into(), country: Some(country.into()) };
        let brand = brands::insert(db, new, now).await?;
        record_creation(db, "brand.create", "brand", brand.id.uuid(), snapshot(&dto::brand_out(&brand))).await?;
        brand_ids.push((code, brand.id.uuid()));
    }
    let mut category_ids = Vec::new();
    for (code, name) in DEMO_CATEGORIES {
        let new = categories::NewCategory { id: Uuid::now_v7(), code: code.into(), name: name.into(), parent_id: None };
        let category = categories::insert(db, new, now).await?;
        let after = snapshot(&dto::category_out(&category));
        record_creation(db, "product_category.create", "product_category", category.id.uuid(), after).await?;
        category_ids.push((code, category.id.uuid()));
    }
    let id_of = |ids: &[(&str, Uuid)], code: &str| ids.iter().find(|(c, _)| *c == code).map(|(_, id)| *id);
    for (category, codes) in DEMO_REQUIRED_SKILLS {
        let category_id = id_of(&category_ids, category).context("demo category missing")?;
        let required: Vec<&Skill> = skills.iter().filter(|s| codes.contains(&s.code.as_str())).collect();
        let ids: Vec<Uuid> = required.iter().map(|s| s.id.uuid()).collect();
        category_skills::replace(db, category_id, &ids).await?;
        let after = serde_json::json!({"skills": required.iter().map(|s| &s.code).collect::<Vec<_>>()});
        let change = Change {
            action: "product_category.required_skills",
            entity: "product_category",
            entity_id: category_id,
            branch_id: None,
            before: None,
            after: Some(after),
        };
        audit::record(db, None, &system(), change).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    for m in &DEMO_MODELS {
        let new = models::NewModel {
            brand_id: id_of(&brand_ids, m.brand).context("demo brand missing")?,
            category_id: id_of(&category_ids, m.category).context("demo category missing")?,
            sku: m.sku.into(),
            name: m.name.into(),
            needs_installation: m.needs_installation,
        };
        let model = models::insert(db, new, now).await.with_context(|| format!("creating model {}", m.sku))?;
        let after = snapshot(&dto::product_model_out(&model));
        record_creation(db, "product_model.create", "product_model", model.id.uuid(), after).await?;
        for (code, name) in m.components {
            let new =
                components::NewComponent { model_id: model.id.uuid(), code: (*code).into(), name: (*name).into() };
            let component = components::insert(db, new, now).await?;
            let after = snapshot(&dto::component_out(&component));
            record_creation(db, "product_component.create", "product_component", component.id.uuid(), after).await?;
        }
    }
    Ok(DEMO_MODELS.len())
}
