//! The serial registry: domain and repository types → wire types, and a
//! registered unit as the entitlement engine sees it.
use aftersales_api_types::entitlement::ContractKind as WireKind;
use aftersales_api_types::serial_records::{ContractDto, OwnershipDto, SerialEventDto, SwapDto};
use aftersales_api_types::serials::SerialUnitDto;
use aftersales_domain::serials::SerialUnit;
use aftersales_domain::warranty::{self as domain, ContractKind};
use aftersales_persistence::serials::contracts::UnitContract;
use aftersales_persistence::serials::events::SerialEvent;
use aftersales_persistence::serials::owners::Ownership;
use aftersales_persistence::serials::swaps::ComponentSwap;
use uuid::Uuid;

use crate::entitlement_dto::Registered;
use crate::warranty_dto::leg_out;

pub fn unit_out(u: &SerialUnit) -> SerialUnitDto {
    SerialUnitDto {
        id: u.id.uuid(),
        brand_id: u.brand_id.uuid(),
        model_id: u.model_id.uuid(),
        serial: u.serial.clone(),
        serial_key: u.serial_key.clone(),
        lot: u.lot.clone(),
        manufacture_date: u.manufacture_date,
        sale_date: u.sale_date,
        sale_document: u.sale_document.clone(),
        seller: u.seller.clone(),
        delivery_date: u.delivery_date,
        installation_date: u.installation_date,
        installation_address: u.installation_address.clone(),
        registration_date: u.registration_date,
        warranty_card_number: u.warranty_card_number.clone(),
        owner_customer_id: u.owner_customer_id.map(uuid::Uuid::from),
        created_at: u.created_at,
        updated_at: u.updated_at,
        version: u.version,
    }
}

pub fn ownership_out(o: &Ownership) -> OwnershipDto {
    OwnershipDto { customer_id: o.customer_id, from_date: o.from_date, to_date: o.to_date, note: o.note.clone() }
}

pub fn swap_out(s: &ComponentSwap) -> SwapDto {
    SwapDto {
        id: s.id,
        component_code: s.component_code.clone(),
        old_part_serial: s.old_part_serial.clone(),
        new_part_serial: s.new_part_serial.clone(),
        swapped_on: s.swapped_on,
        reference: s.reference.clone(),
        warranty_days: s.warranty_days,
        created_at: s.created_at,
    }
}

pub fn contract_kind_in(kind: WireKind) -> ContractKind {
    match kind {
        WireKind::ExtendedWarranty => ContractKind::ExtendedWarranty,
        WireKind::ServiceContract => ContractKind::ServiceContract,
    }
}

pub fn contract_kind_out(kind: ContractKind) -> WireKind {
    match kind {
        ContractKind::ExtendedWarranty => WireKind::ExtendedWarranty,
        ContractKind::ServiceContract => WireKind::ServiceContract,
    }
}

pub fn contract_out(c: &UnitContract) -> ContractDto {
    ContractDto {
        id: c.id,
        reference: c.reference.clone(),
        kind: contract_kind_out(c.kind),
        legs: c.legs.iter().copied().map(leg_out).collect(),
        starts_on: c.starts_on,
        ends_on: c.ends_on,
        component_codes: c.component_codes.clone(),
        created_at: c.created_at,
    }
}

pub fn event_out(e: &SerialEvent) -> SerialEventDto {
    SerialEventDto { at: e.at, kind: e.kind.clone(), actor_id: e.actor_id, details: e.details.clone() }
}

/// The registered unit's dated facts, placed in the catalogue.
pub fn unit_facts(u: &SerialUnit, category_id: Uuid) -> domain::UnitFacts {
    domain::UnitFacts {
        brand_id: u.brand_id,
        category_id: category_id.into(),
        model_id: u.model_id,
        manufacture_date: u.manufacture_date,
        sale_date: u.sale_date,
        delivery_date: u.delivery_date,
        installation_date: u.installation_date,
        registration_date: u.registration_date,
    }
}

/// The unit's contracts, and its component swaps as earlier repairs.
pub fn registered(contracts: &[UnitContract], swaps: &[ComponentSwap]) -> Registered {
    Registered {
        contracts: contracts
            .iter()
            .map(|c| domain::Contract {
                id: c.id.into(),
                kind: c.kind,
                legs: c.legs.clone(),
                starts_on: c.starts_on,
                ends_on: c.ends_on,
                component_codes: c.component_codes.clone(),
            })
            .collect(),
        prior_repairs: swaps
            .iter()
            .map(|s| domain::PriorRepair {
                reference: s.reference.clone(),
                component_code: s.component_code.clone(),
                replaced_on: s.swapped_on,
                warranty_days: s.warranty_days,
            })
            .collect(),
    }
}
