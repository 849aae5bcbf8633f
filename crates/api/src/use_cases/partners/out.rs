//! Partners and keys on the wire.
use aftersales_api_types::partners::{ApiKeyDto, ApiScope as WireScope, PartnerDto, PartnerKind as WireKind};
use aftersales_domain::partners::{ApiKey, ApiScope, Partner, PartnerKind};

pub fn kind_out(kind: PartnerKind) -> WireKind {
    match kind {
        PartnerKind::RepairShop => WireKind::RepairShop,
        PartnerKind::EcommercePlatform => WireKind::EcommercePlatform,
        PartnerKind::Manufacturer => WireKind::Manufacturer,
        PartnerKind::Dealer => WireKind::Dealer,
    }
}

pub fn kind_in(kind: WireKind) -> PartnerKind {
    match kind {
        WireKind::RepairShop => PartnerKind::RepairShop,
        WireKind::EcommercePlatform => PartnerKind::EcommercePlatform,
        WireKind::Manufacturer => PartnerKind::Manufacturer,
        WireKind::Dealer => PartnerKind::Dealer,
    }
}

fn scope_out(scope: ApiScope) -> WireScope {
    match scope {
        ApiScope::TicketsRead => WireScope::TicketsRead,
        ApiScope::TicketsWrite => WireScope::TicketsWrite,
        ApiScope::SerialsWrite => WireScope::SerialsWrite,
        ApiScope::OrdersWrite => WireScope::OrdersWrite,
        ApiScope::WebhooksManage => WireScope::WebhooksManage,
    }
}

pub fn partner_out(p: &Partner) -> PartnerDto {
    PartnerDto {
        id: p.id,
        branch_id: p.branch_id,
        code: p.code.clone(),
        name: p.name.clone(),
        kind: kind_out(p.kind),
        active: p.active,
        contact_name: p.contact_name.clone(),
        contact_email: p.contact_email.clone(),
        contact_phone: p.contact_phone.clone(),
        brand_ids: p.brand_ids.clone(),
        created_at: p.created_at,
        updated_at: p.updated_at,
        version: p.version,
    }
}

pub fn key_out(k: &ApiKey) -> ApiKeyDto {
    ApiKeyDto {
        id: k.id,
        partner_id: k.partner_id,
        name: k.name.clone(),
        prefix: k.prefix.clone(),
        scopes: k.scopes.iter().copied().map(scope_out).collect(),
        expires_at: k.expires_at,
        revoked_at: k.revoked_at,
        last_used_at: k.last_used_at,
        created_at: k.created_at,
    }
}
