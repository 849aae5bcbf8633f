//! The work on tickets at the edge: code lists, the service catalogue, labour lines
//! and money, between wire and storage.
use std::collections::BTreeMap;

use aftersales_api_types::fault_codes::{FaultCodeDto, FaultCodeKind, Names};
use aftersales_api_types::labour::{LabourLineDto, TicketLabourDto};
use aftersales_api_types::service_items::ServiceItemDto;
use aftersales_domain::money::Totals;
use aftersales_persistence::tickets::fault_codes::{self, FaultCode};
use aftersales_persistence::tickets::labour::LabourLine;
use aftersales_persistence::tickets::service_items::ServiceItem;
use uuid::Uuid;

use crate::error::ApiError;
use crate::money_dto::{money_out, total_out};
use crate::pagination;

pub fn kind_str(kind: FaultCodeKind) -> &'static str {
    match kind {
        FaultCodeKind::Symptom => fault_codes::SYMPTOM,
        FaultCodeKind::Diagnosis => fault_codes::DIAGNOSIS,
        FaultCodeKind::Resolution => fault_codes::RESOLUTION,
    }
}

fn kind_out(kind: &str) -> Result<FaultCodeKind, ApiError> {
    match kind {
        fault_codes::SYMPTOM => Ok(FaultCodeKind::Symptom),
        fault_codes::DIAGNOSIS => Ok(FaultCodeKind::Diagnosis),
        fault_codes::RESOLUTION => Ok(FaultCodeKind::Resolution),
        other => Err(ApiError::Internal(anyhow::anyhow!("stored fault code kind `{other}`"))),
    }
}

/// Trimmed, upper-cased: how codes are stored and compared.
pub fn normalize_code(code: &str) -> String {
    code.trim().to_uppercase()
}

pub fn names_in(names: Names) -> BTreeMap<String, String> {
    let given = [("en", Some(names.en)), ("vi", names.vi), ("fa", names.fa), ("zh", names.zh)];
    given.into_iter().filter_map(|(lang, name)| Some((lang.to_owned(), name?.trim().to_owned()))).collect()
}

pub fn names_out(names: &BTreeMap<String, String>) -> Names {
    Names {
        en: names.get("en").cloned().unwrap_or_default(),
        vi: names.get("vi").cloned(),
        fa: names.get("fa").cloned(),
        zh: names.get("zh").cloned(),
    }
}

pub fn fault_code_out(c: &FaultCode) -> Result<FaultCodeDto, ApiError> {
    Ok(FaultCodeDto {
        id: c.id,
        kind: kind_out(&c.kind)?,
        category_id: c.category_id,
        code: c.code.clone(),
        names: names_out(&c.names),
        active: c.active,
        created_at: c.created_at,
        updated_at: c.updated_at,
        version: c.version,
    })
}

pub fn service_item_out(s: &ServiceItem) -> ServiceItemDto {
    ServiceItemDto {
        id: s.id,
        category_id: s.category_id,
        code: s.code.clone(),
        names: names_out(&s.names),
        price: money_out(s.price),
        standard_minutes: s.standard_minutes,
        active: s.active,
        created_at: s.created_at,
        updated_at: s.updated_at,
        version: s.version,
    }
}

pub fn labour_line_out(l: &LabourLine) -> Result<LabourLineDto, ApiError> {
    Ok(LabourLineDto {
        id: l.id,
        service_item_id: l.service_item_id,
        code: l.code.clone(),
        description: l.description.clone(),
        quantity: l.quantity,
        unit_price: money_out(l.unit_price),
        minutes: l.minutes,
        line_total: total_out(l.unit_price.times(i64::from(l.quantity)))?,
        technician_id: l.technician_id,
        created_by: l.created_by,
        created_at: l.created_at,
    })
}

/// The lines with one exact total per currency.
pub fn labour_out(lines: &[LabourLine]) -> Result<TicketLabourDto, ApiError> {
    let mut totals = Totals::default();
    for l in lines {
        totals.add(l.unit_price.times(i64::from(l.quantity)));
    }
    Ok(TicketLabourDto {
        lines: lines.iter().map(labour_line_out).collect::<Result<_, _>>()?,
        totals: totals.each().into_iter().map(total_out).collect::<Result<_, _>>()?,
        total_minutes: lines.iter().map(|l| i64::from(l.quantity) * i64::from(l.minutes)).sum(),
    })
}

/// The page key of a row ordered by code, then id.
pub fn code_key(code: &str, id: Uuid) -> String {
    format!("{code} {id}")
}

/// The `(code, id)` of a cursor given out by [`code_key`].
pub fn decode_code_cursor(cursor: Option<&str>) -> Result<Option<(String, Uuid)>, ApiError> {
    let Some(raw) = pagination::decode_cursor(cursor)? else { return Ok(None) };
    raw.split_once(' ')
        .and_then(|(code, id)| Some((code.to_owned(), Uuid::parse_str(id).ok()?)))
        .map(Some)
        .ok_or_else(|| ApiError::field("cursor", "invalid_cursor", "is not a cursor this API gave out"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftersales_api_types::service_items::Money as WireMoney;
    use chrono::Utc;

    fn line(quantity: i32, unit_price_minor: i64, currency: &str, minutes: i32) -> LabourLine {
        LabourLine {
            id: Uuid::nil(),
            ticket_id: Uuid::nil(),
            service_item_id: None,
            code: "X".into(),
            description: "x".into(),
            quantity,
            unit_price: aftersales_domain::money::Money::new(
                unit_price_minor,
                aftersales_domain::money::Currency::parse(currency).unwrap_or_else(|| panic!("{currency}")),
            ),
            minutes,
            technician_id: None,
            created_by: None,
            created_at: Utc::now(),
        }
    }

    fn money(amount: &str, currency: &str) -> WireMoney {
        WireMoney { amount: amount.into(), currency: currency.into() }
    }

    #[test]
    fn totals_are_exact_per_currency_even_beyond_64_bits() {
        let lines = [line(3, 10, "USD", 5), line(2, 450_000, "VND", 45), line(999, i64::MAX, "VND", 0)];
        let sheet = labour_out(&lines).unwrap_or_else(|e| panic!("{e}"));
        let expected_vnd = (i128::from(i64::MAX) * 999 + 900_000).to_string();
        assert_eq!(sheet.totals, vec![money("0.30", "USD"), money(&expected_vnd, "VND")]);
        assert_eq!(sheet.lines[0].line_total, money("0.30", "USD"));
        assert_eq!(sheet.total_minutes, 3 * 5 + 2 * 45);
    }

    #[test]
    fn a_cursor_round_trips_and_a_forged_one_is_refused() {
        use base64::Engine;
        let id = Uuid::now_v7();
        let cursor = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(code_key("AC_GAS", id));
        assert_eq!(decode_code_cursor(Some(&cursor)).ok().flatten(), Some(("AC_GAS".to_owned(), id)));
        let forged = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode("AC_GAS");
        assert!(decode_code_cursor(Some(&forged)).is_err());
    }
}
