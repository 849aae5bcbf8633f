use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::stock_reports::{PartsUsedQuery, PartsUsedReport};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::reports::{parts_used, workbook};

/// Parts used for tickets during a period (days `from` to `to` included, at most
/// 366, in each warehouse's branch's time zone), from the ledger: issued to a
/// ticket minus returned unused, per ticket (with its number and technician) or
/// per technician (`group_by=technician`, the tickets' technician), per currency.
#[utoipa::path(
    get, path = "/api/v1/reports/parts-used", tag = "reports", operation_id = "report_parts_used",
    security(("bearer" = [])),
    params(PartsUsedQuery),
    responses(
        (status = 200, description = "The report", body = PartsUsedReport),
        (status = 409, description = "Too many lines; narrow the report", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/reports/parts-used")]
pub async fn report_parts_used(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<PartsUsedQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(parts_used::report(&state.db, &me, query).await?))
}

/// The parts-used report as an XLSX workbook (sheet `parts_used`).
#[utoipa::path(
    get, path = "/api/v1/reports/parts-used.xlsx", tag = "reports", operation_id = "report_parts_used_xlsx",
    security(("bearer" = [])),
    params(PartsUsedQuery),
    responses(
        (status = 200, description = "The workbook (Content-Disposition: attachment)",
            content(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 409, description = "Too many lines; narrow the report", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/reports/parts-used.xlsx")]
pub async fn report_parts_used_xlsx(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewStock>,
    ValidatedQuery(query): ValidatedQuery<PartsUsedQuery>,
) -> Result<HttpResponse, ApiError> {
    let report = parts_used::report(&state.db, &me, query).await?;
    workbook::download("parts-used.xlsx", parts_used::sheets(report)).await
}
