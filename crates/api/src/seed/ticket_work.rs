//! The demo code lists and service catalogue of air conditioners: what a clerk
//! picks at intake, what the technician records, and the priced services (VND).
use aftersales_domain::money::{Currency, Money};
use aftersales_persistence::ConnectionTrait;
use aftersales_persistence::catalogue::categories::{self, CategoryFilter};
use aftersales_persistence::tickets::fault_codes::{self, DIAGNOSIS, NewFaultCode, RESOLUTION, SYMPTOM};
use aftersales_persistence::tickets::service_items::{self, NewServiceItem};
use anyhow::Context;
use chrono::Utc;
use std::collections::BTreeMap;

use super::system;
use crate::audit::{self, Change, snapshot};
use crate::use_cases::tickets::work::{fault_code_out, service_item_out};

/// Kind, code, names in en, vi, fa, zh.
const AC_CODES: [(&str, &str, [&str; 4]); 11] = [
    (SYMPTOM, "NO_COOLING", ["Not cooling", "Không lạnh", "سرمایش ندارد", "不制冷"]),
    (
        SYMPTOM,
        "WATER_LEAK",
        ["Water leaking from the indoor unit", "Chảy nước dàn lạnh", "نشت آب از واحد داخلی", "室内机漏水"],
    ),
    (SYMPTOM, "NOISE", ["Unusual noise", "Kêu to bất thường", "صدای غیرعادی", "异常噪音"]),
    (DIAGNOSIS, "GAS_LEAK", ["Refrigerant leak", "Rò rỉ gas", "نشت گاز مبرد", "冷媒泄漏"]),
    (DIAGNOSIS, "PCB_FAULT", ["Control board fault", "Hỏng bo mạch điều khiển", "خرابی برد کنترل", "控制板故障"]),
    (DIAGNOSIS, "COMPRESSOR_FAULT", ["Compressor fault", "Hỏng máy nén", "خرابی کمپرسور", "压缩机故障"]),
    (
        DIAGNOSIS,
        "DRAIN_BLOCKED",
        ["Blocked condensate drain", "Tắc ống thoát nước", "گرفتگی لوله تخلیه آب", "排水管堵塞"],
    ),
    (
        RESOLUTION,
        "RECHARGED_GAS",
        ["Leak fixed, refrigerant recharged", "Xử lý rò rỉ và nạp gas", "رفع نشتی و شارژ گاز", "补漏并加注冷媒"],
    ),
    (RESOLUTION, "REPLACED_PCB", ["Control board replaced", "Thay bo mạch", "تعویض برد کنترل", "更换控制板"]),
    (RESOLUTION, "REPLACED_COMPRESSOR", ["Compressor replaced", "Thay máy nén", "تعویض کمپرسور", "更换压缩机"]),
    (
        RESOLUTION,
        "CLEANED",
        ["Cleaned, drain cleared", "Vệ sinh, thông ống thoát nước", "شستشو و باز کردن لوله تخلیه", "清洗并疏通排水"],
    ),
];

/// Code, names in en, vi, fa, zh, price in đồng, standard minutes.
const AC_SERVICES: [(&str, [&str; 4], i64, i32); 5] = [
    (
        "AC_DIAG",
        ["Inspection and diagnosis fee", "Phí kiểm tra, chẩn đoán", "هزینه عیب‌یابی", "检测诊断费"],
        150_000,
        30,
    ),
    ("AC_GAS", ["Refrigerant gas recharge", "Nạp gas", "شارژ گاز مبرد", "加注冷媒"], 450_000, 45),
    (
        "AC_PCB",
        ["Control board replacement (labour)", "Công thay bo mạch", "دستمزد تعویض برد", "更换控制板工时"],
        300_000,
        60,
    ),
    (
        "AC_INSTALL",
        ["Split air conditioner installation", "Lắp đặt điều hòa", "نصب کولر اسپلیت", "分体空调安装"],
        500_000,
        120,
    ),
    ("AC_CLEAN", ["Maintenance cleaning", "Vệ sinh bảo dưỡng", "سرویس و شستشو", "清洗保养"], 250_000, 60),
];

fn names(given: [&str; 4]) -> BTreeMap<String, String> {
    ["en", "vi", "fa", "zh"].into_iter().zip(given).map(|(l, n)| (l.to_owned(), n.to_owned())).collect()
}

async fn record(
    db: &impl ConnectionTrait,
    action: &str,
    entity: &str,
    entity_id: uuid::Uuid,
    after: Option<serde_json::Value>,
) -> anyhow::Result<()> {
    let change = Change { action, entity, entity_id, branch_id: None, before: None, after };
    audit::record(db, None, &system(), change).await.map_err(|e| anyhow::anyhow!("{e}"))
}

/// Writes the air-conditioner code lists and services, each with its audit entry;
/// returns how many codes and items it wrote.
pub async fn seed(db: &impl ConnectionTrait) -> anyhow::Result<(usize, usize)> {
    let now = Utc::now();
    let filter = CategoryFilter { q: Some("air_conditioner".into()), limit: 10, ..Default::default() };
    let category = categories::list(db, filter)
        .await?
        .into_iter()
        .find(|c| c.code == "air_conditioner")
        .context("demo category air_conditioner missing")?;
    for (kind, code, given) in AC_CODES {
        let new =
            NewFaultCode { kind: kind.into(), category_id: category.id.uuid(), code: code.into(), names: names(given) };
        let row = fault_codes::insert(db, new, now).await?;
        let after = snapshot(&fault_code_out(&row).map_err(|e| anyhow::anyhow!("{e}"))?);
        record(db, "fault_code.create", "fault_code", row.id, after).await?;
    }
    let vnd = Currency::parse("VND").context("VND is a currency")?;
    for (code, given, price, minutes) in AC_SERVICES {
        let new = NewServiceItem {
            category_id: category.id.uuid(),
            code: code.into(),
            names: names(given),
            price: Money::new(price, vnd),
            standard_minutes: minutes,
        };
        let row = service_items::insert(db, new, now).await?;
        record(db, "service_item.create", "service_item", row.id, snapshot(&service_item_out(&row))).await?;
    }
    Ok((AC_CODES.len(), AC_SERVICES.len()))
}
