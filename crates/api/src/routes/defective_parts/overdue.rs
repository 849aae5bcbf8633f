use actix_web::{HttpResponse, get, web};
use aftersales_api_types::defective_parts::{ArrearsQuery, TechnicianArrearsDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::defective_parts::overdue::overdue_by_technician;

/// Old parts still owed past their due time, per technician, in your part of the
/// network: how many, and the oldest due date; the longest overdue first.
#[utoipa::path(
    get, path = "/api/v1/defective-parts/overdue-by-technician", tag = "stock",
    operation_id = "defective_parts_overdue_by_technician",
    security(("bearer" = [])),
    params(ArrearsQuery),
    responses((status = 200, description = "One entry per technician who owes overdue parts", body = Vec<TechnicianArrearsDto>))
)]
#[get("/api/v1/defective-parts/overdue-by-technician")]
pub async fn defective_parts_overdue_by_technician(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<ArrearsQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(overdue_by_technician(&state.db, &me, query).await?))
}
