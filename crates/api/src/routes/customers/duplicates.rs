use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::customers::{CustomerDto, DuplicateQuery};
use aftersales_domain::text_fold::normalize_phone;
use aftersales_persistence::customers;

use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;

/// The most customers one duplicate check returns: more means a shared company
/// switchboard, and the first few are enough to decide.
const MAX_MATCHES: u64 = 20;

/// Find the customers of yours with a phone number (in any format) or an e-mail
/// address: to check before registering someone, oldest first.
#[utoipa::path(
    get, path = "/api/v1/customers/duplicates", tag = "customers", operation_id = "find_duplicate_customers",
    security(("bearer" = [])),
    params(DuplicateQuery),
    responses((status = 200, description = "The customers with that phone number or e-mail address (at most 20)", body = Page<CustomerDto>)),
)]
#[get("/api/v1/customers/duplicates")]
pub async fn find_duplicates(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewCustomers>,
    ValidatedQuery(query): ValidatedQuery<DuplicateQuery>,
) -> Result<HttpResponse, ApiError> {
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
    let rows = customers::sharing_contacts(&state.db, &me.scope, &phones, &emails, None, MAX_MATCHES).await?;
    Ok(HttpResponse::Ok().json(Page { items: rows.iter().map(dto::customer_out).collect(), next_cursor: None }))
}
