use actix_web::{HttpResponse, delete, web};
use aftersales_api_types::Problem;
use aftersales_persistence::{begin_write, customers};
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::RequestId;
use crate::state::AppState;

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
    let txn = begin_write(&state.db).await?;
    let customer = customers::find_in_scope(&txn, &me.scope, *id).await.or_not_found("customer")?;
    customers::delete(&txn, customer.id).await?;
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "customer.delete",
            entity: "customer",
            entity_id: customer.id,
            branch_id: Some(customer.branch_id),
            before: snapshot(&dto::customer_out(&customer)),
            after: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
