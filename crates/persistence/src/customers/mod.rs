//! Customers of a branch, with their phones, e-mails and addresses. Each write
//! also rewrites the `search_key`, so searching never needs the contact tables.
pub mod bulk;
mod contacts;
mod search;

use aftersales_domain::customers::{Address, Customer, CustomerKind, CustomerSource, Email, Phone, search_key};
use aftersales_domain::organisation::{BranchScope, Locale};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use uuid::Uuid;

use self::contacts::Contacts;
use crate::StoreError;
use crate::entities::customers::{ActiveModel, Column, Entity, Model};
use crate::versioned::{Expect, update_if_unchanged};

pub use search::{CustomerFilter, list, sharing_contacts};

pub struct NewCustomer {
    pub id: Uuid,
    pub branch_id: Uuid,
    pub kind: CustomerKind,
    pub name: String,
    pub tax_id: Option<String>,
    pub locale: Locale,
    pub source: CustomerSource,
    pub notes: Option<String>,
    pub phones: Vec<Phone>,
    pub emails: Vec<Email>,
    pub addresses: Vec<Address>,
}

/// Fields to change; `None` leaves a field as it is (`Some(None)` clears). A list
/// of contacts, when given, replaces the one stored.
#[derive(Default)]
pub struct CustomerChanges {
    pub branch_id: Option<Uuid>,
    pub kind: Option<CustomerKind>,
    pub name: Option<String>,
    pub tax_id: Option<Option<String>>,
    pub locale: Option<Locale>,
    pub source: Option<CustomerSource>,
    pub notes: Option<Option<String>>,
    pub phones: Option<Vec<Phone>>,
    pub emails: Option<Vec<Email>>,
    pub addresses: Option<Vec<Address>>,
}

fn to_domain(m: Model, contacts: Contacts) -> Customer {
    Customer {
        id: m.id.into(),
        branch_id: m.branch_id.into(),
        // The columns only ever hold values written from `as_str`.
        kind: CustomerKind::parse(&m.kind).unwrap_or(CustomerKind::Individual),
        name: m.name,
        tax_id: m.tax_id,
        locale: Locale::parse(&m.locale).unwrap_or_default(),
        source: CustomerSource::parse(&m.source).unwrap_or(CustomerSource::WalkIn),
        notes: m.notes,
        phones: contacts.phones,
        emails: contacts.emails,
        addresses: contacts.addresses,
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    }
}

/// Customers for rows, each with its contacts, in the order of the rows.
async fn with_contacts(db: &impl ConnectionTrait, rows: Vec<Model>) -> Result<Vec<Customer>, StoreError> {
    let ids: Vec<Uuid> = rows.iter().map(|m| m.id).collect();
    let mut contacts = contacts::load(db, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|m| {
            let c = contacts.remove(&m.id).unwrap_or_default();
            to_domain(m, c)
        })
        .collect())
}

pub async fn insert(db: &impl ConnectionTrait, new: NewCustomer, now: DateTime<Utc>) -> Result<Customer, StoreError> {
    ActiveModel {
        id: Set(new.id),
        branch_id: Set(new.branch_id),
        kind: Set(new.kind.as_str().to_owned()),
        search_key: Set(search_key(&new.name, new.tax_id.as_deref(), &new.phones, &new.emails)),
        name: Set(new.name),
        tax_id: Set(new.tax_id),
        locale: Set(new.locale.as_str().to_owned()),
        source: Set(new.source.as_str().to_owned()),
        notes: Set(new.notes),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await?;
    contacts::replace_phones(db, new.id, &new.phones).await?;
    contacts::replace_emails(db, new.id, &new.emails).await?;
    contacts::replace_addresses(db, new.id, &new.addresses).await?;
    find(db, new.id).await
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Customer, StoreError> {
    let model = Entity::find_by_id(id).one(db).await?.ok_or(StoreError::NotFound)?;
    with_contacts(db, vec![model]).await?.pop().ok_or(StoreError::NotFound)
}

/// The customer, if their branch lies within the scope; otherwise "not found",
/// so nobody learns of customers outside their part of the network.
pub async fn find_in_scope(db: &impl ConnectionTrait, scope: &BranchScope, id: Uuid) -> Result<Customer, StoreError> {
    let customer = find(db, id).await?;
    let path = crate::branches::path_of(db, customer.branch_id.uuid()).await?;
    if scope.covers(&path) { Ok(customer) } else { Err(StoreError::NotFound) }
}

/// Applies `changes` if the customer is still at `expected_version` (when given).
pub async fn update(
    db: &impl ConnectionTrait,
    current: &Customer,
    expected_version: Option<i64>,
    changes: CustomerChanges,
    now: DateTime<Utc>,
) -> Result<Customer, StoreError> {
    let name = changes.name.as_ref().unwrap_or(&current.name);
    let tax_id = changes.tax_id.as_ref().unwrap_or(&current.tax_id);
    let phones = changes.phones.as_ref().unwrap_or(&current.phones);
    let emails = changes.emails.as_ref().unwrap_or(&current.emails);
    let mut model = ActiveModel {
        id: Set(current.id.uuid()),
        search_key: Set(search_key(name, tax_id.as_deref(), phones, emails)),
        ..Default::default()
    };
    if let Some(v) = changes.branch_id {
        model.branch_id = Set(v);
    }
    if let Some(v) = changes.kind {
        model.kind = Set(v.as_str().to_owned());
    }
    if let Some(v) = changes.name {
        model.name = Set(v);
    }
    if let Some(v) = changes.tax_id {
        model.tax_id = Set(v);
    }
    if let Some(v) = changes.locale {
        model.locale = Set(v.as_str().to_owned());
    }
    if let Some(v) = changes.source {
        model.source = Set(v.as_str().to_owned());
    }
    if let Some(v) = changes.notes {
        model.notes = Set(v);
    }
    model.updated_at = Set(now);
    model.version = Set(current.version + 1);
    let expect = Expect {
        id: (Column::Id, current.id.uuid()),
        version: (Column::Version, current.version),
        client_version: expected_version,
    };
    update_if_unchanged(db, model, expect).await?;
    if let Some(phones) = &changes.phones {
        contacts::replace_phones(db, current.id.uuid(), phones).await?;
    }
    if let Some(emails) = &changes.emails {
        contacts::replace_emails(db, current.id.uuid(), emails).await?;
    }
    if let Some(addresses) = &changes.addresses {
        contacts::replace_addresses(db, current.id.uuid(), addresses).await?;
    }
    find(db, current.id.uuid()).await
}

/// Deletes the customer and their contacts.
pub async fn delete(db: &impl ConnectionTrait, id: Uuid) -> Result<(), StoreError> {
    Entity::delete_by_id(id).exec(db).await.map_err(|e| {
        StoreError::from(e).explain_conflict("the customer is referenced by other records and cannot be deleted")
    })?;
    Ok(())
}
