//! Ticket parts, from storage to the wire.
use std::collections::BTreeMap;

use aftersales_api_types::service_items::Money;
use aftersales_api_types::ticket_parts::{ChargeTo, TicketPartLineDto, TicketPartsDto};
use aftersales_domain::money::minor_digits;
use aftersales_domain::stock::charging::ChargeTo as Payer;
use aftersales_domain::stock::ticket_parts::TicketPart;
use aftersales_persistence::parts::Part;
use rust_decimal::Decimal;

use crate::error::ApiError;
use crate::money_dto::money_out;

pub fn charge_to_out(c: Payer) -> ChargeTo {
    match c {
        Payer::Manufacturer => ChargeTo::Manufacturer,
        Payer::Customer => ChargeTo::Customer,
    }
}

/// A sum of minor units (which may exceed `i64`) as wire money.
fn sum_out(minor: i128, currency: &str) -> Result<Money, ApiError> {
    let amount = Decimal::try_from_i128_with_scale(minor, minor_digits(currency))
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("parts total out of range: {e}")))?;
    Ok(Money { amount: amount.to_string(), currency: currency.to_owned() })
}

fn used_total_minor(l: &TicketPart) -> i128 {
    i128::from(l.counts.used) * i128::from(l.unit_price_minor)
}

pub fn line_out(l: &TicketPart, part: &Part) -> Result<TicketPartLineDto, ApiError> {
    Ok(TicketPartLineDto {
        id: l.id,
        ticket_id: l.ticket_id,
        part_id: l.part_id,
        sku: part.sku.clone(),
        name: part.name.clone(),
        component_code: part.component_code.clone(),
        warehouse_id: l.warehouse_id,
        reserved: l.counts.reserved,
        issued: l.counts.issued,
        used: l.counts.used,
        returned_unused: l.counts.returned_unused,
        defective_returned: l.counts.defective_returned,
        outstanding: l.counts.outstanding(),
        issued_value: money_out(l.issued_value_minor, &l.currency),
        unit_cost: money_out(l.unit_cost_minor(), &l.currency),
        charge_to: charge_to_out(l.charge_to),
        unit_price: money_out(l.unit_price_minor, &l.currency),
        used_total: sum_out(used_total_minor(l), &l.currency)?,
        updated_at: l.updated_at,
        version: l.version,
    })
}

/// The lines with the exact totals each payer owes, per currency.
pub fn parts_out(lines: &[(TicketPart, Part)]) -> Result<TicketPartsDto, ApiError> {
    let mut customer: BTreeMap<&str, i128> = BTreeMap::new();
    let mut manufacturer: BTreeMap<&str, i128> = BTreeMap::new();
    for (l, _) in lines {
        let payer = match l.charge_to {
            Payer::Customer => &mut customer,
            Payer::Manufacturer => &mut manufacturer,
        };
        *payer.entry(l.currency.as_str()).or_default() += used_total_minor(l);
    }
    let totals = |m: BTreeMap<&str, i128>| -> Result<Vec<Money>, ApiError> {
        m.into_iter().filter(|(_, minor)| *minor != 0).map(|(currency, minor)| sum_out(minor, currency)).collect()
    };
    Ok(TicketPartsDto {
        lines: lines.iter().map(|(l, p)| line_out(l, p)).collect::<Result<_, _>>()?,
        customer_totals: totals(customer)?,
        manufacturer_claim_totals: totals(manufacturer)?,
        outstanding: lines.iter().map(|(l, _)| l.counts.outstanding()).sum(),
    })
}
