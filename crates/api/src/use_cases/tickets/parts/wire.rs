//! Ticket parts, from storage to the wire.
use aftersales_api_types::service_items::Money;
use aftersales_api_types::ticket_parts::{ChargeTo, TicketPartLineDto, TicketPartsDto};
use aftersales_domain::money::Totals;
use aftersales_domain::stock::charging::ChargeTo as Payer;
use aftersales_domain::stock::ticket_parts::TicketPart;
use aftersales_persistence::parts::Part;

use crate::error::ApiError;
use crate::money_dto::{money_out, total_out};

pub fn charge_to_out(c: Payer) -> ChargeTo {
    match c {
        Payer::Manufacturer => ChargeTo::Manufacturer,
        Payer::Customer => ChargeTo::Customer,
    }
}

pub fn line_out(l: &TicketPart, part: &Part) -> Result<TicketPartLineDto, ApiError> {
    Ok(TicketPartLineDto {
        id: l.id.uuid(),
        ticket_id: l.ticket_id.uuid(),
        part_id: l.part_id.uuid(),
        sku: part.sku.clone(),
        name: part.name.clone(),
        component_code: part.component_code.clone(),
        warehouse_id: l.warehouse_id.uuid(),
        reserved: l.counts.reserved,
        issued: l.counts.issued,
        used: l.counts.used,
        returned_unused: l.counts.returned_unused,
        defective_returned: l.counts.defective_returned,
        outstanding: l.counts.outstanding(),
        issued_value: money_out(l.issued_value()),
        unit_cost: money_out(l.unit_cost()),
        charge_to: charge_to_out(l.charge_to),
        unit_price: money_out(l.unit_price),
        used_total: total_out(l.used_total())?,
        updated_at: l.updated_at,
        version: l.version,
    })
}

/// The lines with the exact totals each payer owes, per currency.
pub fn parts_out(lines: &[(TicketPart, Part)]) -> Result<TicketPartsDto, ApiError> {
    let (mut customer, mut manufacturer) = (Totals::default(), Totals::default());
    for (l, _) in lines {
        let payer = match l.charge_to {
            Payer::Customer => &mut customer,
            Payer::Manufacturer => &mut manufacturer,
        };
        payer.add(l.used_total());
    }
    let totals = |t: Totals| -> Result<Vec<Money>, ApiError> { t.non_zero().into_iter().map(total_out).collect() };
    Ok(TicketPartsDto {
        lines: lines.iter().map(|(l, p)| line_out(l, p)).collect::<Result<_, _>>()?,
        customer_totals: totals(customer)?,
        manufacturer_claim_totals: totals(manufacturer)?,
        outstanding: lines.iter().map(|(l, _)| l.counts.outstanding()).sum(),
    })
}
