use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::RequestId;
use crate::state::AppState;
use crate::use_cases::{Actor, customers};

/// Delete a customer with their contacts. The audit log keeps what was deleted.
#[utoipa::path(
    delete, path = "/api/v1/customers/{id}", tag = "customers", operation_id = "delete_customer",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Customer id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such customer in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Other records refer to the customer", body = Problem, content_type = "application/problem+json"),
    )
)]
// `{id}` is hex digits and dashes, so that `/api/v1/customers/duplicates` is never
// taken for an id: a wrong method on it then answers 405, not 404 (see `routes::fallback`).
#[delete("/api/v1/customers/{id:[0-9a-fA-F-]+}")]
pub async fn delete_customer(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCustomers>,
    request_id: RequestId,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    customers::delete::delete(&state.db, &Actor::once(me, request_id), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}
