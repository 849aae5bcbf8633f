//! One import job: its status, progress and the bad rows found.
use aftersales_api_types::imports::ImportJobDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, import_jobs};
use uuid::Uuid;

use super::job_out;
use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};

pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<ImportJobDto, ApiError> {
    me.require(Permission::ImportData)?;
    let job = import_jobs::find(db, id).await.or_not_found("import job")?;
    Ok(job_out(&job))
}
