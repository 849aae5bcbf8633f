//! Sold units as an XLSX workbook with the columns of the import.
use aftersales_api_types::imports::ExportQuery;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::bulk as catalogue_bulk;
use aftersales_persistence::serials::bulk as serials_bulk;

use super::in_background;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::imports::export;

/// The workbook's bytes; 409 when the units would not fit one worksheet.
pub async fn serials(db: &DatabaseConnection, me: &Principal, query: ExportQuery) -> Result<Vec<u8>, ApiError> {
    me.require(Permission::ImportData)?;
    let index = catalogue_bulk::index(db).await?;
    let units = serials_bulk::units_for_export(db, query.brand_id, query.model_id).await?;
    if units.len() > export::MAX_ROWS {
        return Err(ApiError::Conflict("too many rows for one worksheet; filter by brand_id or model_id".into()));
    }
    in_background(move || export::serials(&index, &units)).await
}
