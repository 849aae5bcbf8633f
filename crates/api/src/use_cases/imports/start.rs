//! Start an import job: the file, already read into rows, is checked and (unless
//! this is a dry run) stored by a job that runs on after the answer; its progress
//! and outcome are on the job.
use actix_web::http::StatusCode;
use aftersales_api_types::imports::{ImportJobDto, ImportQuery};
use aftersales_domain::access::Permission;
use aftersales_domain::imports::ImportKind;
use aftersales_domain::text::optional_text;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::import_jobs::{self, NewJob};

use super::job_out;
use super::run::{self, Upload};
use crate::error::ApiError;
use crate::imports::read::Sheet;
use crate::use_cases::{Actor, Begun, Once, Work};

/// The actor is kept by the job: the rows it stores are theirs. A retry under the
/// same `Idempotency-Key` (the same options and a file of the same `file_sha256`)
/// gets the job the first request started, and starts none.
pub async fn start(
    db: &DatabaseConnection,
    actor: Actor,
    kind: ImportKind,
    query: ImportQuery,
    sheet: Sheet,
    file_sha256: &str,
) -> Result<Once<ImportJobDto>, ApiError> {
    actor.me.require(Permission::ImportData)?;
    let file_name = optional_text(query.file_name);
    if file_name.as_ref().is_some_and(|n| n.chars().any(char::is_control)) {
        return Err(ApiError::field("file_name", "invalid_file_name", "must not contain control characters"));
    }
    let dry_run = query.dry_run.unwrap_or(false);
    let new = NewJob {
        kind: kind.as_str().to_owned(),
        dry_run,
        file_name: file_name.clone(),
        total_rows: i64::try_from(sheet.data_rows()).unwrap_or(i64::MAX),
        created_by: Some(actor.user_id()),
    };
    let work = match Work::begin_retryable(db, &actor, &file_sha256).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let job = import_jobs::create(work.db(), new, work.now()).await?;
    let answer = work.finish(StatusCode::ACCEPTED, job_out(&job)).await?;
    let upload = Upload { job_id: job.id, kind, dry_run, file_name, sheet, actor };
    actix_web::rt::spawn(run::run(db.clone(), upload));
    Ok(answer)
}
