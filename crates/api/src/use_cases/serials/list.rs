//! Find units by serial, warranty card, sale document, the owner's phone, brand or
//! model; oldest first.
use aftersales_api_types::Page;
use aftersales_api_types::serials::{SerialQuery, SerialUnitDto};
use aftersales_domain::access::Permission;
use aftersales_domain::text_fold::normalize_phone;
use aftersales_persistence::{DatabaseConnection, customers, serials};

use super::serial_key;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;
use crate::serial_dto::unit_out;

/// Owners found by phone whose units are looked up: more would be a list, not a lookup.
const MAX_OWNERS: u64 = 200;

/// Owners are looked up by phone among the customers the caller can see.
pub async fn list(
    db: &DatabaseConnection,
    me: &Principal,
    query: SerialQuery,
) -> Result<Page<SerialUnitDto>, ApiError> {
    me.require(Permission::ViewCatalogue)?;
    let limit = pagination::limit(query.limit);
    let after_id = pagination::decode_id_cursor(query.cursor.as_deref())?;
    let serial_key = query.serial.as_deref().map(serial_key).transpose()?;
    let owner_customer_ids = match query.phone.as_deref() {
        Some(raw) => {
            let number =
                normalize_phone(raw).ok_or_else(|| ApiError::field("phone", "format", "is not a phone number"))?;
            let owners = customers::sharing_contacts(db, &me.scope, &[number], &[], None, MAX_OWNERS).await?;
            Some(owners.into_iter().map(|c| c.id.uuid()).collect())
        }
        None => None,
    };
    let lookup = serials::UnitLookup {
        serial_key,
        brand_id: query.brand_id,
        model_id: query.model_id,
        warranty_card_number: query.warranty_card.map(|c| c.trim().to_owned()),
        sale_document: query.document.map(|d| d.trim().to_owned()),
        owner_customer_ids,
        after_id,
        limit,
    };
    let rows = serials::lookup(db, lookup).await?;
    Ok(pagination::page(rows, limit, |u| u.id.to_string(), unit_out))
}
