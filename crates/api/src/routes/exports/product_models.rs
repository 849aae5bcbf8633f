use actix_web::{HttpResponse, get, web};
use aftersales_api_types::imports::ExportQuery;
use aftersales_persistence::catalogue::bulk;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::imports::export;
use crate::state::AppState;
use crate::use_cases::exports::xlsx;

/// Product models as an XLSX file with the columns of the import.
#[utoipa::path(
    get, path = "/api/v1/exports/product-models.xlsx", tag = "imports", operation_id = "export_product_models",
    security(("bearer" = [])),
    params(ExportQuery),
    responses(
        (status = 200, description = "The workbook (Content-Disposition: attachment)",
            content(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
    )
)]
#[get("/api/v1/exports/product-models.xlsx")]
pub async fn export_product_models(
    state: web::Data<AppState>,
    _: Authorized<need::ImportData>,
    ValidatedQuery(query): ValidatedQuery<ExportQuery>,
) -> Result<HttpResponse, ApiError> {
    let index = bulk::index(&state.db).await?;
    let rows = bulk::models_for_export(&state.db, query.brand_id, query.model_id).await?;
    if rows.len() > export::MAX_ROWS {
        return Err(ApiError::Conflict("too many rows for one worksheet; filter by brand_id".into()));
    }
    let bytes = web::block(move || export::product_models(&index, &rows))
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("export: {e}")))?
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("export: {e}")))?;
    Ok(xlsx("product-models.xlsx", bytes))
}
