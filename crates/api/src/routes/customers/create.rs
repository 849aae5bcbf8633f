use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::customers::{CreateCustomer, CustomerDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::customers::register::register;

/// Register a customer in one of your branches.
///
/// A phone number or e-mail address that another customer of yours already has
/// is refused with 409 naming that customer, unless `allow_duplicate` is true.
#[utoipa::path(
    post, path = "/api/v1/customers", tag = "customers", operation_id = "create_customer",
    security(("bearer" = [])),
    request_body = CreateCustomer,
    responses(
        (status = 201, description = "Created", body = CustomerDto,
            headers(("Location" = String, description = "URL of the new customer"), ("ETag" = String, description = "Version of the customer"))),
        (status = 409, description = "Another customer of yours has one of these phone numbers or e-mail addresses", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/customers")]
pub async fn create_customer(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCustomers>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CreateCustomer>,
) -> Result<HttpResponse, ApiError> {
    let customer = register(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created(customer, |v| format!("/api/v1/customers/{}", v.id), |v| v.version))
}
