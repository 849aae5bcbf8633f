use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::partners::{PartnerDto, PartnerQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::partners;

/// List the partners of your part of the network, by code.
#[utoipa::path(
    get, path = "/api/v1/partners", tag = "partners", operation_id = "list_partners",
    security(("bearer" = [])),
    params(PartnerQuery),
    responses((status = 200, description = "One page of partners", body = Page<PartnerDto>)),
)]
#[get("/api/v1/partners")]
pub async fn list_partners(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManagePartners>,
    ValidatedQuery(query): ValidatedQuery<PartnerQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(partners::list::list(&state.db, &me, query).await?))
}
