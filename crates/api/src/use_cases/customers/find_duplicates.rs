//! The customers of the caller's who have a phone number (in any format) or an
//! e-mail address: checked before registering someone.
use aftersales_api_types::Page;
use aftersales_api_types::customers::{CustomerDto, DuplicateQuery};
use aftersales_domain::access::Permission;
use aftersales_domain::text_fold::normalize_phone;
use aftersales_persistence::{DatabaseConnection, customers};

use crate::auth::Principal;
use crate::dto;
use crate::error::ApiError;

/// The most customers one duplicate check returns: more means a shared company
/// switchboard, and the first few are enough to decide.
const MAX_MATCHES: u64 = 20;

/// Oldest first, at most [`MAX_MATCHES`]; a phone or an e-mail (or both) is required.
pub async fn find_duplicates(
    db: &DatabaseConnection,
    me: &Principal,
    query: DuplicateQuery,
) -> Result<Page<CustomerDto>, ApiError> {
    me.require(Permission::ViewCustomers)?;
    if query.phone.is_none() && query.email.is_none() {
        return Err(ApiError::field("phone", "required", "give a phone number, an e-mail address or both"));
    }
    let phones = match query.phone.as_deref() {
        Some(raw) => {
            vec![normalize_phone(raw).ok_or_else(|| ApiError::field("phone", "format", "is not a phone number"))?]
        }
        None => Vec::new(),
    };
    let emails: Vec<String> = query.email.iter().map(|e| e.trim().to_lowercase()).collect();
    let rows = customers::sharing_contacts(db, &me.scope, &phones, &emails, None, MAX_MATCHES).await?;
    Ok(Page { items: rows.iter().map(dto::customer_out).collect(), next_cursor: None })
}
