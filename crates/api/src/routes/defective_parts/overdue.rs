use actix_web::{HttpResponse, get, web};
use aftersales_api_types::defective_parts::{ArrearsQuery, TechnicianArrearsDto};
use aftersales_persistence::defective_parts;
use chrono::Utc;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;

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
    let rows = defective_parts::overdue_by_technician(&state.db, &me.scope, query.branch_id, Utc::now()).await?;
    let out: Vec<TechnicianArrearsDto> = rows
        .into_iter()
        .map(|a| TechnicianArrearsDto {
            technician_id: a.technician_id,
            count: a.count,
            quantity: a.quantity,
            oldest_due_at: a.oldest_due_at,
        })
        .collect();
    Ok(HttpResponse::Ok().json(out))
}
