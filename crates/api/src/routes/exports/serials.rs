use actix_web::{HttpResponse, get, web};
use aftersales_api_types::imports::ExportQuery;
use aftersales_persistence::catalogue::bulk as catalogue_bulk;
use aftersales_persistence::serials::bulk as serials_bulk;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::imports::export;
use crate::state::AppState;
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
    _: Authorized<need::ImportData>,
    ValidatedQuery(query): ValidatedQuery<ExportQuery>,
) -> Result<HttpResponse, ApiError> {
    let index = catalogue_bulk::index(&state.db).await?;
    let units = serials_bulk::units_for_export(&state.db, query.brand_id, query.model_id).await?;
    if units.len() > export::MAX_ROWS {
        return Err(ApiError::Conflict("too many rows for one worksheet; filter by brand_id or model_id".into()));
    }
    let bytes = web::block(move || export::serials(&index, &units))
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("export: {e}")))?
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("export: {e}")))?;
    Ok(xlsx("serials.xlsx", bytes))
}
