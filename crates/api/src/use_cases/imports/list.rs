//! Import jobs, newest first.
use aftersales_api_types::Page;
use aftersales_api_types::imports::{ImportJobDto, ImportJobQuery};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::import_jobs::{self, ImportJob};

use super::job_out;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::pagination;

pub async fn list(
    db: &DatabaseConnection,
    me: &Principal,
    query: ImportJobQuery,
) -> Result<Page<ImportJobDto>, ApiError> {
    me.require(Permission::ImportData)?;
    let limit = pagination::limit(query.limit);
    let before = pagination::decode_id_cursor(query.cursor.as_deref())?;
    let rows = import_jobs::list(db, before, limit).await?;
    Ok(pagination::page(rows, limit, |j: &ImportJob| j.id.to_string(), job_out))
}
