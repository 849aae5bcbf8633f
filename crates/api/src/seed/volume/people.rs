//! The customers of a generated network, written as each outlet's market writes
//! names and phones (Vietnamese, Persian, Chinese).
use aftersales_domain::customers::{CustomerKind, CustomerSource, Phone};
use aftersales_domain::organisation::{Branch, Locale};
use aftersales_domain::text_fold::normalize_phone;
use aftersales_persistence::customers::{NewCustomer, bulk as customer_bulk};
use aftersales_persistence::{DatabaseConnection, begin_write};
use chrono::Utc;
use rand::Rng;
use rand::rngs::StdRng;
use uuid::Uuid;

use super::Volume;

/// A customer written the way the outlet's market writes names and phones.
pub(super) struct Person {
    pub id: Uuid,
    pub name: String,
    pub phone: String,
    /// The phone as search and duplicate checks read it.
    pub normalized: String,
    pub locale: Locale,
    /// The outlet they come to, and its code (for ticket numbers).
    pub branch_id: Uuid,
    pub branch_code: String,
}

/// The `i`-th of `modulus` numbers in an order that looks random, each once: real
/// phone numbers share few digits, and numbers counted up from one would make a
/// search index's work (trigrams of long runs of zeros) unlike a real network's.
/// 48,271 shares no factor with a power of ten, so `i ↦ 48,271·i` is a bijection
/// modulo one.
fn spread(i: usize, modulus: u64) -> u64 {
    (i as u64).wrapping_mul(48_271).wrapping_add(7_919) % modulus
}

fn person(i: usize, outlet: &Branch, rng: &mut StdRng) -> Person {
    const VI: ([&str; 8], [&str; 5], [&str; 8]) = (
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"],
        ["Văn", "Thị", "Minh", "Quốc", "Thu"],
        ["Hoa", "Bảo", "Lan", "Hùng", "Mai", "Tuấn", "Linh", "Dũng"],
    );
    const FA: ([&str; 6], [&str; 5]) =
        (["علی", "مریم", "رضا", "زهرا", "حسین", "فاطمه"], ["احمدی", "محمدی", "حسینی", "رضایی", "کریمی"]);
    const ZH: ([&str; 5], [&str; 6]) = (["王", "李", "张", "刘", "陈"], ["伟", "芳", "娜", "敏", "静", "强"]);
    let pick = |list: &[&'static str], rng: &mut StdRng| list[rng.gen_range(0..list.len())];
    let (name, phone, locale) = match outlet.currency.code() {
        "IRR" => (
            format!("{} {}", pick(&FA.0, rng), pick(&FA.1, rng)),
            format!("+98 912 {:07}", spread(i, 10_000_000)),
            Locale::Fa,
        ),
        "CNY" => (
            format!("{}{}", pick(&ZH.0, rng), pick(&ZH.1, rng)),
            format!("+86 138 {:08}", spread(i, 100_000_000)),
            Locale::Zh,
        ),
        _ => (
            format!("{} {} {}", pick(&VI.0, rng), pick(&VI.1, rng), pick(&VI.2, rng)),
            format!("+84 9{:08}", spread(i, 100_000_000)),
            Locale::Vi,
        ),
    };
    let normalized = normalize_phone(&phone).unwrap_or_default();
    let (branch_id, branch_code) = (outlet.id.uuid(), outlet.code.clone());
    Person { id: Uuid::now_v7(), name, phone, normalized, locale, branch_id, branch_code }
}

pub(super) async fn customers(
    db: &DatabaseConnection,
    outlets: &[Branch],
    volume: Volume,
    rng: &mut StdRng,
) -> anyhow::Result<Vec<Person>> {
    let people: Vec<Person> = (0..volume.customers).map(|i| person(i, &outlets[i % outlets.len()], rng)).collect();
    let rows: Vec<NewCustomer> = people
        .iter()
        .map(|p| NewCustomer {
            id: p.id,
            branch_id: p.branch_id,
            kind: CustomerKind::Individual,
            name: p.name.clone(),
            tax_id: None,
            locale: p.locale,
            source: CustomerSource::WalkIn,
            notes: None,
            phones: vec![Phone { number: p.phone.clone(), normalized: p.normalized.clone(), label: None }],
            emails: Vec::new(),
            addresses: Vec::new(),
        })
        .collect();
    let txn = begin_write(db).await?;
    customer_bulk::insert_customers(&txn, &rows, Utc::now()).await?;
    txn.commit().await?;
    Ok(people)
}
