use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::stock_reports::{OverdueDefectiveQuery, OverdueDefectiveReport};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::reports::{overdue_defective, workbook};

/// Old parts technicians still owe past their due time, in your branches (one
/// branch's with `branch_id`), the longest overdue first.
#[utoipa::path(
    get, path = "/api/v1/reports/overdue-defective-returns", tag = "reports",
    operation_id = "report_overdue_defective_returns",
    security(("bearer" = [])),
    params(OverdueDefectiveQuery),
    responses(
        (status = 200, description = "The report", body = OverdueDefectiveReport),
        (status = 409, description = "Too many lines; narrow the report", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/reports/overdue-defective-returns")]
pub async fn report_overdue_defective_returns(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<OverdueDefectiveQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(overdue_defective::report(&state.db, &me, query).await?))
}

/// The overdue old parts as an XLSX workbook (sheet `overdue_defective_returns`).
#[utoipa::path(
    get, path = "/api/v1/reports/overdue-defective-returns.xlsx", tag = "reports",
    operation_id = "report_overdue_defective_returns_xlsx",
    security(("bearer" = [])),
    params(OverdueDefectiveQuery),
    responses(
        (status = 200, description = "The workbook (Content-Disposition: attachment)",
            content(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 409, description = "Too many lines; narrow the report", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/reports/overdue-defective-returns.xlsx")]
pub async fn report_overdue_defective_returns_xlsx(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<OverdueDefectiveQuery>,
) -> Result<HttpResponse, ApiError> {
    let report = overdue_defective::report(&state.db, &me, query).await?;
    workbook::download("overdue-defective-returns.xlsx", overdue_defective::sheets(report)).await
}
