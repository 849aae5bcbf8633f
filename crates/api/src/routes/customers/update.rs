use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::customers::{CustomerDto, UpdateCustomer};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::{Actor, customers};

/// Change a customer; a new `branch_id` moves them to another branch of yours.
///
/// A phone number or e-mail address added here that another customer of yours
/// already has is refused with 409, unless `allow_duplicate` is true.
#[utoipa::path(
    patch, path = "/api/v1/customers/{id}", tag = "customers", operation_id = "update_customer",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Customer id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; the update fails with 412 if the customer changed since"),
    ),
    request_body = UpdateCustomer,
    responses(
        (status = 200, description = "Updated", body = CustomerDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such customer in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another customer of yours has one of the new phone numbers or e-mail addresses", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The customer changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
// `{id}` is hex digits and dashes, so that `/api/v1/customers/duplicates` is never
// taken for an id: a wrong method on it then answers 405, not 404 (see `routes::fallback`).
#[patch("/api/v1/customers/{id:[0-9a-fA-F-]+}")]
pub async fn update_customer(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCustomers>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdateCustomer>,
    IfMatch(expected): IfMatch,
) -> Result<HttpResponse, ApiError> {
    let customer = customers::update::update(&state.db, &Actor::once(me, request_id), *id, expected, body).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(customer.version))).json(customer))
}
