use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::customers::{CustomerDto, CustomerQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::customers;

/// List and search the customers of your branch and those below it, newest first.
#[utoipa::path(
    get, path = "/api/v1/customers", tag = "customers", operation_id = "list_customers",
    security(("bearer" = [])),
    params(CustomerQuery),
    responses((status = 200, description = "One page of customers", body = Page<CustomerDto>)),
)]
#[get("/api/v1/customers")]
pub async fn list_customers(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewCustomers>,
    ValidatedQuery(query): ValidatedQuery<CustomerQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(customers::list::list(&state.db, &me, query).await?))
}
