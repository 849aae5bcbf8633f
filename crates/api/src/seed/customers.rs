//! Demo customers: a few per market, written in their own scripts, so that search
//! across diacritics, Persian letter forms and digits can be tried at once.
use aftersales_domain::customers::{Address, Customer, CustomerKind, CustomerSource, Email, Phone};
use aftersales_domain::organisation::{Branch, Locale};
use aftersales_domain::text_fold::normalize_phone;
use aftersales_persistence::{ConnectionTrait, customers};
use anyhow::Context;
use chrono::Utc;
use uuid::Uuid;

use super::system;
use crate::audit::{self, Change, snapshot};
use crate::dto;

struct DemoCustomer {
    branch: &'static str,
    kind: CustomerKind,
    name: &'static str,
    tax_id: Option<&'static str>,
    locale: Locale,
    source: CustomerSource,
    phone: &'static str,
    email: Option<&'static str>,
    /// line1, city, country.
    address: Option<(&'static str, &'static str, &'static str)>,
}

const DEMO_CUSTOMERS: [DemoCustomer; 5] = [
    DemoCustomer {
        branch: "HN01",
        kind: CustomerKind::Individual,
        name: "Nguyễn Thị Hoa",
        tax_id: None,
        locale: Locale::Vi,
        source: CustomerSource::WalkIn,
        phone: "+84 903 111 222",
        email: Some("hoa.nguyen@example.vn"),
        address: Some(("25 Xuân Thủy, Cầu Giấy", "Hà Nội", "VN")),
    },
    DemoCustomer {
        branch: "HN01",
        kind: CustomerKind::Company,
        name: "Công ty TNHH Điện lạnh Thăng Long",
        tax_id: Some("0101234567"),
        locale: Locale::Vi,
        source: CustomerSource::Partner,
        phone: "024 3833 1234",
        email: Some("dichvu@thanglong.example.vn"),
        address: None,
    },
    DemoCustomer {
        branch: "HN02",
        kind: CustomerKind::Individual,
        name: "Trần Quốc Bảo",
        tax_id: None,
        locale: Locale::Vi,
        source: CustomerSource::Phone,
        phone: "0987 654 321",
        email: None,
        address: None,
    },
    DemoCustomer {
        branch: "TEH01",
        kind: CustomerKind::Individual,
        name: "مریم رضایی",
        tax_id: None,
        locale: Locale::Fa,
        source: CustomerSource::WalkIn,
        phone: "۰۹۱۲ ۱۱۱ ۲۲۳۳",
        email: None,
        address: Some(("خیابان ونک، پلاک ۱۲", "تهران", "IR")),
    },
    DemoCustomer {
        branch: "SH01",
        kind: CustomerKind::Individual,
        name: "王小明",
        tax_id: None,
        locale: Locale::Zh,
        source: CustomerSource::Ecommerce,
        phone: "+86 138 0013 8000",
        email: Some("wang.xiaoming@example.cn"),
        address: Some(("浦东新区世纪大道 100 号", "上海", "CN")),
    },
];

/// Writes the demo customers into `branches`, each with its audit row.
pub(super) async fn seed(db: &impl ConnectionTrait, branches: &[Branch]) -> anyhow::Result<Vec<Customer>> {
    let mut written = Vec::with_capacity(DEMO_CUSTOMERS.len());
    for c in &DEMO_CUSTOMERS {
        let branch = branches.iter().find(|b| b.code == c.branch).context("demo branch missing")?;
        let normalized = normalize_phone(c.phone).with_context(|| format!("demo phone {}", c.phone))?;
        let customer = customers::insert(
            db,
            customers::NewCustomer {
                id: Uuid::now_v7(),
                branch_id: branch.id.uuid(),
                kind: c.kind,
                name: c.name.into(),
                tax_id: c.tax_id.map(str::to_owned),
                locale: c.locale,
                source: c.source,
                notes: None,
                phones: vec![Phone { number: c.phone.into(), normalized, label: None }],
                emails: c.email.map(|e| Email { address: e.into(), label: None }).into_iter().collect(),
                addresses: c
                    .address
                    .map(|(line1, city, country)| Address {
                        label: None,
                        line1: line1.into(),
                        line2: None,
                        district: None,
                        city: Some(city.into()),
                        province: None,
                        postal_code: None,
                        country: country.into(),
                    })
                    .into_iter()
                    .collect(),
            },
            Utc::now(),
        )
        .await
        .with_context(|| format!("creating customer {}", c.name))?;
        let change = Change {
            action: "customer.create",
            entity: "customer",
            entity_id: customer.id.uuid(),
            branch_id: Some(branch.id.uuid()),
            before: None,
            after: snapshot(&dto::customer_out(&customer)),
        };
        audit::record(db, None, &system(), change).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        written.push(customer);
    }
    Ok(written)
}
