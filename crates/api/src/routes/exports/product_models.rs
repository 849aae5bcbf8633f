use actix_web::{HttpResponse, get, web};
use aftersales_api_types::imports::ExportQuery;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::ValidatedQuery;
use crate::state::AppState;
use crate::use_cases::exports::product_models::product_models;
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
    Authorized(me, ..): Authorized<need::ImportData>,
    ValidatedQuery(query): ValidatedQuery<ExportQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(xlsx("product-models.xlsx", product_models(&state.db, &me, query).await?))
}
