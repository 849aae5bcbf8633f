use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Page;
use aftersales_api_types::defective_parts::{DefectivePartDto, DefectivePartQuery};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::defective_parts::list::list;

/// Old parts of tickets in your part of the network, the earliest due first.
///
/// `overdue=true` lists those still owed past their due time; `technician_id` those
/// one technician owes.
#[utoipa::path(
    get, path = "/api/v1/defective-parts", tag = "stock", operation_id = "list_defective_parts",
    security(("bearer" = [])),
    params(DefectivePartQuery),
    responses((status = 200, description = "One page of old parts", body = Page<DefectivePartDto>))
)]
#[get("/api/v1/defective-parts")]
pub async fn list_defective_parts(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<DefectivePartQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(list(&state.db, &me, query).await?))
}
