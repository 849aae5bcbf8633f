//! Conversions between wire types and domain types, at the edge and only here.
use aftersales_api_types as wire;
use aftersales_domain::access::Role;
use aftersales_domain::catalogue::{Brand, Component, ProductCategory, ProductModel};
use aftersales_domain::customers::{Address, Customer, CustomerKind, CustomerSource};
use aftersales_domain::organisation::{Branch, BranchKind, Locale, Skill, User};

pub fn role_out(role: Role) -> wire::users::Role {
    use wire::users::Role as W;
    match role {
        Role::Admin => W::Admin,
        Role::Manager => W::Manager,
        Role::Clerk => W::Clerk,
        Role::Dispatcher => W::Dispatcher,
        Role::Technician => W::Technician,
        Role::Warehouse => W::Warehouse,
        Role::Finance => W::Finance,
    }
}

pub fn role_in(role: wire::users::Role) -> Role {
    use wire::users::Role as W;
    match role {
        W::Admin => Role::Admin,
        W::Manager => Role::Manager,
        W::Clerk => Role::Clerk,
        W::Dispatcher => Role::Dispatcher,
        W::Technician => Role::Technician,
        W::Warehouse => Role::Warehouse,
        W::Finance => Role::Finance,
    }
}

pub fn locale_out(locale: Locale) -> wire::users::Locale {
    match locale {
        Locale::En => wire::users::Locale::En,
        Locale::Vi => wire::users::Locale::Vi,
        Locale::Fa => wire::users::Locale::Fa,
        Locale::Zh => wire::users::Locale::Zh,
    }
}

pub fn locale_in(locale: wire::users::Locale) -> Locale {
    match locale {
        wire::users::Locale::En => Locale::En,
        wire::users::Locale::Vi => Locale::Vi,
        wire::users::Locale::Fa => Locale::Fa,
        wire::users::Locale::Zh => Locale::Zh,
    }
}

pub fn kind_out(kind: BranchKind) -> wire::branches::BranchKind {
    match kind {
        BranchKind::Hq => wire::branches::BranchKind::Hq,
        BranchKind::Regional => wire::branches::BranchKind::Regional,
        BranchKind::Outlet => wire::branches::BranchKind::Outlet,
    }
}

pub fn kind_in(kind: wire::branches::BranchKind) -> BranchKind {
    match kind {
        wire::branches::BranchKind::Hq => BranchKind::Hq,
        wire::branches::BranchKind::Regional => BranchKind::Regional,
        wire::branches::BranchKind::Outlet => BranchKind::Outlet,
    }
}

pub fn user_out(u: &User) -> wire::users::UserDto {
    wire::users::UserDto {
        id: u.id.uuid(),
        username: u.username.clone(),
        display_name: u.display_name.clone(),
        email: u.email.clone(),
        phone: u.phone.clone(),
        branch_id: u.branch_id.uuid(),
        roles: u.roles.iter().copied().map(role_out).collect(),
        skills: u.skills.clone(),
        locale: locale_out(u.locale),
        active: u.active,
        partner_id: u.partner_id,
        created_at: u.created_at,
        updated_at: u.updated_at,
        version: u.version,
    }
}

pub fn branch_out(b: &Branch) -> wire::branches::BranchDto {
    wire::branches::BranchDto {
        id: b.id.uuid(),
        parent_id: b.parent_id.map(uuid::Uuid::from),
        code: b.code.clone(),
        name: b.name.clone(),
        kind: kind_out(b.kind),
        time_zone: b.time_zone.clone(),
        currency: b.currency.code().to_owned(),
        created_at: b.created_at,
        updated_at: b.updated_at,
        version: b.version,
    }
}

pub fn skill_out(s: &Skill) -> wire::skills::SkillDto {
    wire::skills::SkillDto {
        id: s.id.uuid(),
        code: s.code.clone(),
        name: s.name.clone(),
        created_at: s.created_at,
        updated_at: s.updated_at,
        version: s.version,
    }
}

pub fn brand_out(b: &Brand) -> wire::catalogue::BrandDto {
    wire::catalogue::BrandDto {
        id: b.id.uuid(),
        code: b.code.clone(),
        name: b.name.clone(),
        country: b.country.clone(),
        active: b.active,
        created_at: b.created_at,
        updated_at: b.updated_at,
        version: b.version,
    }
}

pub fn category_out(c: &ProductCategory) -> wire::catalogue::CategoryDto {
    wire::catalogue::CategoryDto {
        id: c.id.uuid(),
        code: c.code.clone(),
        name: c.name.clone(),
        parent_id: c.parent_id.map(uuid::Uuid::from),
        active: c.active,
        created_at: c.created_at,
        updated_at: c.updated_at,
        version: c.version,
    }
}

pub fn product_model_out(m: &ProductModel) -> wire::catalogue::ProductModelDto {
    wire::catalogue::ProductModelDto {
        id: m.id.uuid(),
        brand_id: m.brand_id.uuid(),
        category_id: m.category_id.uuid(),
        sku: m.sku.clone(),
        name: m.name.clone(),
        needs_installation: m.needs_installation,
        active: m.active,
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    }
}

pub fn component_out(c: &Component) -> wire::catalogue::ComponentDto {
    wire::catalogue::ComponentDto {
        id: c.id.uuid(),
        model_id: c.model_id.uuid(),
        code: c.code.clone(),
        name: c.name.clone(),
        created_at: c.created_at,
        updated_at: c.updated_at,
        version: c.version,
    }
}

pub fn customer_kind_out(kind: CustomerKind) -> wire::customers::CustomerKind {
    match kind {
        CustomerKind::Individual => wire::customers::CustomerKind::Individual,
        CustomerKind::Company => wire::customers::CustomerKind::Company,
    }
}

pub fn customer_kind_in(kind: wire::customers::CustomerKind) -> CustomerKind {
    match kind {
        wire::customers::CustomerKind::Individual => CustomerKind::Individual,
        wire::customers::CustomerKind::Company => CustomerKind::Company,
    }
}

pub fn source_out(source: CustomerSource) -> wire::customers::CustomerSource {
    use wire::customers::CustomerSource as W;
    match source {
        CustomerSource::WalkIn => W::WalkIn,
        CustomerSource::Phone => W::Phone,
        CustomerSource::Partner => W::Partner,
        CustomerSource::Web => W::Web,
        CustomerSource::Ecommerce => W::Ecommerce,
    }
}

pub fn source_in(source: wire::customers::CustomerSource) -> CustomerSource {
    use wire::customers::CustomerSource as W;
    match source {
        W::WalkIn => CustomerSource::WalkIn,
        W::Phone => CustomerSource::Phone,
        W::Partner => CustomerSource::Partner,
        W::Web => CustomerSource::Web,
        W::Ecommerce => CustomerSource::Ecommerce,
    }
}

pub fn address_out(a: &Address) -> wire::customers::AddressDto {
    wire::customers::AddressDto {
        label: a.label.clone(),
        line1: a.line1.clone(),
        line2: a.line2.clone(),
        district: a.district.clone(),
        city: a.city.clone(),
        province: a.province.clone(),
        postal_code: a.postal_code.clone(),
        country: a.country.clone(),
    }
}

pub fn customer_out(c: &Customer) -> wire::customers::CustomerDto {
    use wire::customers::{EmailDto, PhoneDto};
    wire::customers::CustomerDto {
        id: c.id.uuid(),
        branch_id: c.branch_id.uuid(),
        kind: customer_kind_out(c.kind),
        name: c.name.clone(),
        tax_id: c.tax_id.clone(),
        locale: locale_out(c.locale),
        source: source_out(c.source),
        notes: c.notes.clone(),
        phones: c
            .phones
            .iter()
            .map(|p| PhoneDto { number: p.number.clone(), normalized: p.normalized.clone(), label: p.label.clone() })
            .collect(),
        emails: c.emails.iter().map(|e| EmailDto { address: e.address.clone(), label: e.label.clone() }).collect(),
        addresses: c.addresses.iter().map(address_out).collect(),
        created_at: c.created_at,
        updated_at: c.updated_at,
        version: c.version,
    }
}
