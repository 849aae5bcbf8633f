use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::customers::CustomerDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::customers;

/// One customer of your part of the network.
#[utoipa::path(
    get, path = "/api/v1/customers/{id}", tag = "customers", operation_id = "get_customer",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Customer id")),
    responses(
        (status = 200, description = "The customer", body = CustomerDto, headers(("ETag" = String, description = "Version, for If-Match"))),
        (status = 404, description = "No such customer in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
// `{id}` is hex digits and dashes, so that `/api/v1/customers/duplicates` is never
// taken for an id: a wrong method on it then answers 405, not 404 (see `routes::fallback`).
#[get("/api/v1/customers/{id:[0-9a-fA-F-]+}")]
pub async fn get_customer(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewCustomers>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let customer = customers::get::get(&state.db, &me, *id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(customer.version))).json(customer))
}
