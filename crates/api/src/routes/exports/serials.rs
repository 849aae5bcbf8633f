use actix_web::{HttpResponse, get, web};
use aftersales_api_types::imports::ExportQuery;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::exports::serials::serials;
use crate::use_cases::exports::xlsx;

/// Sold units as an XLSX file with the columns of the import.
#[utoipa::path(
    get, path = "/api/v1/exports/serials.xlsx", tag = "imports", operation_id = "export_serials",
    security(("bearer" = [])),
    params(ExportQuery),
    responses(
        (status = 200, description = "The workbook (Content-Disposition: attachment)",
            content(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
    )
)]
#[get("/api/v1/exports/serials.xlsx")]
pub async fn export_serials(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ImportData>,
    ValidatedQuery(query): ValidatedQuery<ExportQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(xlsx("serials.xlsx", serials(&state.db, &me, query).await?))
}
