//! Intake: finding the unit and the customer the new ticket is for.
use aftersales_api_types::tickets::{IntakeCustomer, UnitRef};
use aftersales_domain::customers::{Customer, CustomerSource};
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::serials::{SerialUnit, normalize_serial};
use aftersales_domain::tickets::Channel;
use aftersales_persistence::{ConnectionTrait, StoreError, customers, serials};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::dto;
use crate::error::ApiError;
use crate::use_cases::customers::{contacts_in, refuse_duplicates};

fn unit_error(key: &str, code: &str, message: impl Into<String>) -> ApiError {
    ApiError::field(&format!("unit.{key}"), code, message)
}

async fn by_lookup(
    db: &impl ConnectionTrait,
    key: &str,
    lookup: serials::UnitLookup,
) -> Result<Option<SerialUnit>, ApiError> {
    let mut found = serials::lookup(db, serials::UnitLookup { limit: 2, ..lookup }).await?;
    match found.len() {
        0 => Ok(None),
        1 => Ok(found.pop()),
        _ => Err(unit_error(key, "ambiguous", "more than one unit matches; give the serial (and brand_id)")),
    }
}

fn serial_lookup(raw: &str, brand_id: Option<Uuid>) -> Option<serials::UnitLookup> {
    Some(serials::UnitLookup { serial_key: Some(normalize_serial(raw)?), brand_id, ..Default::default() })
}

fn card_lookup(raw: &str) -> serials::UnitLookup {
    let number: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '-').flat_map(char::to_uppercase).collect();
    serials::UnitLookup { warranty_card_number: Some(number), ..Default::default() }
}

/// The registered unit the clerk pointed at, by exactly one of the keys of `UnitRef`.
pub async fn find_unit(db: &impl ConnectionTrait, r: &UnitRef) -> Result<SerialUnit, ApiError> {
    let given = usize::from(r.serial_id.is_some())
        + usize::from(r.serial.is_some())
        + usize::from(r.warranty_card.is_some())
        + usize::from(r.sale_document.is_some())
        + usize::from(r.barcode.is_some());
    if given != 1 {
        return Err(ApiError::field(
            "unit",
            "one_key",
            "give exactly one of serial_id, serial, warranty_card, sale_document or barcode",
        ));
    }
    let (key, found) = if let Some(id) = r.serial_id {
        match serials::find(db, id).await {
            Err(StoreError::NotFound) => ("serial_id", None),
            other => ("serial_id", Some(other?)),
        }
    } else if let Some(raw) = &r.serial {
        let lookup = serial_lookup(raw, r.brand_id).ok_or_else(|| {
            unit_error("serial", "format", "letters and digits, with '-', '.', '/' or '_' between them")
        })?;
        ("serial", by_lookup(db, "serial", lookup).await?)
    } else if let Some(raw) = &r.warranty_card {
        ("warranty_card", by_lookup(db, "warranty_card", card_lookup(raw)).await?)
    } else if let Some(raw) = &r.sale_document {
        let lookup = serials::UnitLookup { sale_document: Some(raw.trim().to_owned()), ..Default::default() };
        ("sale_document", by_lookup(db, "sale_document", lookup).await?)
    } else if let Some(raw) = &r.barcode {
        // A scanned label is a serial more often than a card number.
        let as_serial = match serial_lookup(raw, r.brand_id) {
            Some(lookup) => by_lookup(db, "barcode", lookup).await?,
            None => None,
        };
        match as_serial {
            Some(unit) => ("barcode", Some(unit)),
            None => ("barcode", by_lookup(db, "barcode", card_lookup(raw)).await?),
        }
    } else {
        ("unit", None)
    };
    found.ok_or_else(|| unit_error(key, "unknown_unit", "no registered unit matches; register it or give model_id"))
}

/// Prefixes the fields of a problem, for a nested object.
pub(crate) fn nested(prefix: &str, err: ApiError) -> ApiError {
    err.with_fields_renamed(|field| format!("{prefix}.{field}"))
}

/// The customer of the ticket: an existing one in the caller's part of the network,
/// or a new one registered in the ticket's branch in the same transaction.
pub async fn customer_for(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    branch_id: Uuid,
    customer_id: Option<Uuid>,
    new_customer: Option<IntakeCustomer>,
    channel: Channel,
    now: DateTime<Utc>,
) -> Result<(Customer, bool), ApiError> {
    match (customer_id, new_customer) {
        (Some(id), None) => match customers::find_in_scope(db, scope, id).await {
            Ok(c) => Ok((c, false)),
            Err(StoreError::NotFound) => {
                Err(ApiError::field("customer_id", "unknown_customer", "no such customer in your part of the network"))
            }
            Err(e) => Err(e.into()),
        },
        (None, Some(new)) => {
            let contacts = contacts_in(Some(new.phones), Some(new.emails), Some(new.addresses))
                .map_err(|e| nested("new_customer", e))?;
            let (phones, emails, addresses) = (
                contacts.phones.unwrap_or_default(),
                contacts.emails.unwrap_or_default(),
                contacts.addresses.unwrap_or_default(),
            );
            if !new.allow_duplicate {
                refuse_duplicates(db, scope, &phones, &emails, None).await?;
            }
            let customer = customers::insert(
                db,
                customers::NewCustomer {
                    id: Uuid::now_v7(),
                    branch_id,
                    kind: dto::customer_kind_in(new.kind),
                    name: new.name.trim().to_owned(),
                    tax_id: None,
                    locale: dto::locale_in(new.locale),
                    source: match channel {
                        Channel::Counter => CustomerSource::WalkIn,
                        Channel::Phone => CustomerSource::Phone,
                        Channel::PartnerApi => CustomerSource::Partner,
                        Channel::SelfService => CustomerSource::Web,
                        Channel::Ecommerce => CustomerSource::Ecommerce,
                    },
                    notes: None,
                    phones,
                    emails,
                    addresses,
                },
                now,
            )
            .await?;
            Ok((customer, true))
        }
        (Some(_), Some(_)) => {
            Err(ApiError::field("new_customer", "exclusive", "give either customer_id or new_customer, not both"))
        }
        (None, None) => Err(ApiError::field("customer_id", "required", "give customer_id or new_customer")),
    }
}
