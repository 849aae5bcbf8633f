//! Product models as an XLSX workbook with the columns of the import.
use aftersales_api_types::imports::ExportQuery;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::bulk;

use super::in_background;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::imports::export;

/// The workbook's bytes; 409 when the rows would not fit one worksheet.
pub async fn product_models(db: &DatabaseConnection, me: &Principal, query: ExportQuery) -> Result<Vec<u8>, ApiError> {
    me.require(Permission::ImportData)?;
    let index = bulk::index(db).await?;
    let rows = bulk::models_for_export(db, query.brand_id, query.model_id).await?;
    if rows.len() > export::MAX_ROWS {
        return Err(ApiError::Conflict("too many rows for one worksheet; filter by brand_id".into()));
    }
    in_background(move || export::product_models(&index, &rows)).await
}
