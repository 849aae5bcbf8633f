//! Many customers at once, for the volume generator behind the benchmarks and the
//! demo: chunked multi-row INSERTs of customers and their phones.
use aftersales_domain::customers::{phone_suffix_key, search_key};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, Set};

use super::NewCustomer;
use crate::StoreError;
use crate::bulk::insert_all;
use crate::entities::{customer_phones, customers};

/// Inserts the customers with their phones (e-mails and addresses are left out:
/// the generator gives none). Returns how many customers were inserted.
pub async fn insert_customers(
    db: &impl ConnectionTrait,
    all: &[NewCustomer],
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let rows = all.iter().map(|c| customers::ActiveModel {
        id: Set(c.id),
        branch_id: Set(c.branch_id),
        kind: Set(c.kind.as_str().to_owned()),
        search_key: Set(search_key(&c.name, c.tax_id.as_deref(), &c.phones, &c.emails)),
        name: Set(c.name.clone()),
        tax_id: Set(c.tax_id.clone()),
        locale: Set(c.locale.as_str().to_owned()),
        source: Set(c.source.as_str().to_owned()),
        notes: Set(c.notes.clone()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    });
    let inserted = insert_all(db, rows).await?;
    let phones = all.iter().flat_map(|c| {
        c.phones.iter().enumerate().map(|(i, p)| customer_phones::ActiveModel {
            customer_id: Set(c.id),
            position: Set(i16::try_from(i).unwrap_or(i16::MAX)),
            number: Set(p.number.clone()),
            normalized: Set(p.normalized.clone()),
            digits_reversed: Set(phone_suffix_key(&p.normalized)),
            label: Set(p.label.clone()),
        })
    });
    insert_all(db, phones).await?;
    Ok(inserted)
}
