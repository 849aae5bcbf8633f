//! Customers: the individuals and companies a branch serves. One file per use
//! case; the contact rules they share are here.
pub mod delete;
pub mod find_duplicates;
pub mod get;
pub mod list;
pub mod register;
pub mod update;

use std::collections::HashSet;

use aftersales_api_types::FieldError;
use aftersales_api_types::customers::{AddressDto, EmailDto, PhoneInput};
use aftersales_domain::customers::{Address, Email, Phone};
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::regional::is_country;
use aftersales_domain::text::optional_text;
use aftersales_domain::text_fold::normalize_phone;
use aftersales_persistence::{ConnectionTrait, customers};
use uuid::Uuid;

use crate::error::ApiError;

/// Phones with their normalized form; each number once.
pub(crate) fn phones_in(input: Vec<PhoneInput>, errors: &mut Vec<FieldError>) -> Vec<Phone> {
    let mut seen = HashSet::new();
    let mut phones = Vec::with_capacity(input.len());
    for (i, p) in input.into_iter().enumerate() {
        let field = format!("phones[{i}].number");
        match normalize_phone(&p.number) {
            None => errors.push(FieldError::new(field, "format", "is not a phone number")),
            Some(normalized) if !seen.insert(normalized.clone()) => {
                errors.push(FieldError::new(field, "duplicate", format!("{normalized} is given twice")));
            }
            Some(normalized) => {
                phones.push(Phone { number: p.number.trim().to_owned(), normalized, label: optional_text(p.label) });
            }
        }
    }
    phones
}

/// E-mail addresses in lower case; each address once.
pub(crate) fn emails_in(input: Vec<EmailDto>, errors: &mut Vec<FieldError>) -> Vec<Email> {
    let mut emails: Vec<Email> = Vec::with_capacity(input.len());
    for (i, e) in input.into_iter().enumerate() {
        let address = e.address.trim().to_lowercase();
        if emails.iter().any(|known| known.address == address) {
            errors.push(FieldError::new(
                format!("emails[{i}].address"),
                "duplicate",
                format!("{address} is given twice"),
            ));
        } else {
            emails.push(Email { address, label: optional_text(e.label) });
        }
    }
    emails
}

/// Addresses, trimmed; the country must exist.
pub(crate) fn addresses_in(input: Vec<AddressDto>, errors: &mut Vec<FieldError>) -> Vec<Address> {
    let mut addresses = Vec::with_capacity(input.len());
    for (i, a) in input.into_iter().enumerate() {
        if !is_country(&a.country) {
            let message = format!("'{}' is not an ISO 3166-1 alpha-2 country code such as VN", a.country);
            errors.push(FieldError::new(format!("addresses[{i}].country"), "unknown_country", message));
        }
        addresses.push(Address {
            label: optional_text(a.label),
            line1: a.line1.trim().to_owned(),
            line2: optional_text(a.line2),
            district: optional_text(a.district),
            city: optional_text(a.city),
            province: optional_text(a.province),
            postal_code: optional_text(a.postal_code),
            country: a.country,
        });
    }
    addresses
}

/// Contacts as the domain keeps them, or a 422 naming every bad one. The lists
/// are absent from an update that leaves them as they are.
pub(crate) struct Contacts {
    pub phones: Option<Vec<Phone>>,
    pub emails: Option<Vec<Email>>,
    pub addresses: Option<Vec<Address>>,
}

pub(crate) fn contacts_in(
    phones: Option<Vec<PhoneInput>>,
    emails: Option<Vec<EmailDto>>,
    addresses: Option<Vec<AddressDto>>,
) -> Result<Contacts, ApiError> {
    let mut errors = Vec::new();
    let contacts = Contacts {
        phones: phones.map(|p| phones_in(p, &mut errors)),
        emails: emails.map(|e| emails_in(e, &mut errors)),
        addresses: addresses.map(|a| addresses_in(a, &mut errors)),
    };
    if errors.is_empty() { Ok(contacts) } else { Err(ApiError::Validation(errors)) }
}

/// 409 when another customer in the caller's part of the network already has one
/// of these phones or e-mails: most often the same person, registered before.
pub(crate) async fn refuse_duplicates(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    phones: &[Phone],
    emails: &[Email],
    except: Option<Uuid>,
) -> Result<(), ApiError> {
    let numbers: Vec<String> = phones.iter().map(|p| p.normalized.clone()).collect();
    let addresses: Vec<String> = emails.iter().map(|e| e.address.clone()).collect();
    let found = customers::sharing_contacts(db, scope, &numbers, &addresses, except, 1).await?;
    let Some(existing) = found.first() else { return Ok(()) };
    let shared = existing
        .phones
        .iter()
        .map(|p| &p.normalized)
        .find(|n| numbers.contains(n))
        .or_else(|| existing.emails.iter().map(|e| &e.address).find(|a| addresses.contains(a)))
        .cloned()
        .unwrap_or_default();
    Err(ApiError::Conflict(format!(
        "customer {} ({}) already has {shared}; send \"allow_duplicate\": true to save anyway",
        existing.id, existing.name
    )))
}
