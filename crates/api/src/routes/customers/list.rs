use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::customers::{CustomerDto, CustomerQuery};
use aftersales_persistence::customers::{self, CustomerFilter};

use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::pagination;
use crate::state::AppState;

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
    let limit = pagination::limit(query.limit);
    let before_id = pagination::decode_id_cursor(query.cursor.as_deref())?;
    let filter = CustomerFilter {
        branch_id: query.branch_id,
        kind: query.kind.map(dto::customer_kind_in),
        source: query.source.map(dto::source_in),
        q: query.q,
        before_id,
        limit,
    };
    let rows = customers::list(&state.db, &me.scope, filter).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, |c| c.id.to_string(), dto::customer_out)))
}
