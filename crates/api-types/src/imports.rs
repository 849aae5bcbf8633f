//! Bulk imports and exports (`/api/v1/imports`, `/api/v1/exports`).
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

/// One bad row of an imported file. Rows count as in the file: the header is row 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"row": 12, "column": "sale_date", "message": "not a date: 2026-02-30"})))]
pub struct ImportRowError {
    pub row: u64,
    /// The column at fault, when there is one.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub column: Option<String>,
    pub message: String,
}

/// A bulk import and how far it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000f001", "kind": "serials", "dry_run": false, "status": "failed",
    "file_name": "units-2026-11.csv", "total_rows": 100000, "processed_rows": 100000, "error_count": 1,
    "errors": [{"row": 73451, "column": "serial", "message": "also on row 12"}],
    "created_by": "0193a4f2-7b1c-7cde-8f00-00000000a001", "created_at": "2026-11-22T10:00:00Z",
    "finished_at": "2026-11-22T10:00:04Z"
})))]
pub struct ImportJobDto {
    pub id: Uuid,
    /// `product_models` or `serials`.
    #[cfg_attr(feature = "openapi", schema(value_type = ImportKindName))]
    pub kind: String,
    /// A dry run only checks the file; nothing is stored.
    pub dry_run: bool,
    /// `running`, `succeeded` or `failed` (a file with a bad row fails and stores nothing).
    #[cfg_attr(feature = "openapi", schema(value_type = crate::vocab::ImportStatus))]
    pub status: String,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub file_name: Option<String>,
    /// Data rows of the file (the header not counted).
    pub total_rows: i64,
    /// Data rows checked so far.
    pub processed_rows: i64,
    /// Every problem found; `errors` holds the first 1000 of them.
    pub error_count: i64,
    pub errors: Vec<ImportRowError>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub finished_at: Option<DateTime<Utc>>,
}

/// Options of `POST /api/v1/imports/{kind}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct ImportQuery {
    /// Only check the file and report every bad row; `false` when absent.
    pub dry_run: Option<bool>,
    /// The name of the uploaded file, kept on the job.
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub file_name: Option<String>,
}

/// Paging of `GET /api/v1/imports`, newest first.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct ImportJobQuery {
    /// 1 to 200; 50 when absent.
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}

/// Filters of the exports.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct ExportQuery {
    pub brand_id: Option<Uuid>,
    pub model_id: Option<Uuid>,
}

/// What an import file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ImportKindName {
    /// Columns `brand_code, category_code, sku, name, needs_installation`.
    ProductModels,
    /// Columns `brand_code, sku, serial, lot, manufacture_date, sale_date, sale_document,
    /// seller, delivery_date, installation_date, warranty_card_number`.
    Serials,
}
