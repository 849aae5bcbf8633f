//! A customer's phones, e-mails and addresses: written as whole lists, in the
//! order given, and read for many customers at once.
use std::collections::HashMap;

use aftersales_domain::customers::{Address, Email, Phone, phone_suffix_key};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::{customer_addresses, customer_emails, customer_phones};

#[derive(Debug, Default)]
pub(super) struct Contacts {
    pub phones: Vec<Phone>,
    pub emails: Vec<Email>,
    pub addresses: Vec<Address>,
}

/// Positions fit a small integer: a customer has at most a handful of each contact.
fn position(index: usize) -> i16 {
    i16::try_from(index).unwrap_or(i16::MAX)
}

pub(super) async fn replace_phones(db: &impl ConnectionTrait, id: Uuid, phones: &[Phone]) -> Result<(), StoreError> {
    customer_phones::Entity::delete_many().filter(customer_phones::Column::CustomerId.eq(id)).exec(db).await?;
    let rows = phones.iter().enumerate().map(|(i, p)| customer_phones::ActiveModel {
        customer_id: Set(id),
        position: Set(position(i)),
        number: Set(p.number.clone()),
        normalized: Set(p.normalized.clone()),
        digits_reversed: Set(phone_suffix_key(&p.normalized)),
        label: Set(p.label.clone()),
    });
    customer_phones::Entity::insert_many(rows).exec_without_returning(db).await?;
    Ok(())
}

pub(super) async fn replace_emails(db: &impl ConnectionTrait, id: Uuid, emails: &[Email]) -> Result<(), StoreError> {
    customer_emails::Entity::delete_many().filter(customer_emails::Column::CustomerId.eq(id)).exec(db).await?;
    let rows = emails.iter().enumerate().map(|(i, e)| customer_emails::ActiveModel {
        customer_id: Set(id),
        position: Set(position(i)),
        address: Set(e.address.clone()),
        label: Set(e.label.clone()),
    });
    customer_emails::Entity::insert_many(rows).exec_without_returning(db).await?;
    Ok(())
}

pub(super) async fn replace_addresses(
    db: &impl ConnectionTrait,
    id: Uuid,
    addresses: &[Address],
) -> Result<(), StoreError> {
    customer_addresses::Entity::delete_many().filter(customer_addresses::Column::CustomerId.eq(id)).exec(db).await?;
    let rows = addresses.iter().enumerate().map(|(i, a)| customer_addresses::ActiveModel {
        customer_id: Set(id),
        position: Set(position(i)),
        label: Set(a.label.clone()),
        line1: Set(a.line1.clone()),
        line2: Set(a.line2.clone()),
        district: Set(a.district.clone()),
        city: Set(a.city.clone()),
        province: Set(a.province.clone()),
        postal_code: Set(a.postal_code.clone()),
        country: Set(a.country.clone()),
    });
    customer_addresses::Entity::insert_many(rows).exec_without_returning(db).await?;
    Ok(())
}

/// The contacts of each of `ids`, three queries whatever the number of customers.
pub(super) async fn load(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<HashMap<Uuid, Contacts>, StoreError> {
    let mut out: HashMap<Uuid, Contacts> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let phones = customer_phones::Entity::find()
        .filter(customer_phones::Column::CustomerId.is_in(ids.to_vec()))
        .order_by_asc(customer_phones::Column::Position)
        .all(db)
        .await?;
    for p in phones {
        let phone = Phone { number: p.number, normalized: p.normalized, label: p.label };
        out.entry(p.customer_id).or_default().phones.push(phone);
    }
    let emails = customer_emails::Entity::find()
        .filter(customer_emails::Column::CustomerId.is_in(ids.to_vec()))
        .order_by_asc(customer_emails::Column::Position)
        .all(db)
        .await?;
    for e in emails {
        out.entry(e.customer_id).or_default().emails.push(Email { address: e.address, label: e.label });
    }
    let addresses = customer_addresses::Entity::find()
        .filter(customer_addresses::Column::CustomerId.is_in(ids.to_vec()))
        .order_by_asc(customer_addresses::Column::Position)
        .all(db)
        .await?;
    for a in addresses {
        out.entry(a.customer_id).or_default().addresses.push(Address {
            label: a.label,
            line1: a.line1,
            line2: a.line2,
            district: a.district,
            city: a.city,
            province: a.province,
            postal_code: a.postal_code,
            country: a.country,
        });
    }
    Ok(out)
}
