use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::customers::{CustomerDto, DuplicateQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::customers::find_duplicates::find_duplicates as find;

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
    Ok(HttpResponse::Ok().json(find(&state.db, &me, query).await?))
}
