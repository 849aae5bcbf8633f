//! The background work of an import job: check every row (updating the job's
//! progress), then, unless it is a dry run or a row is bad, store everything in one
//! transaction with one audit row. A failure of any kind ends the job as `failed`.
use aftersales_domain::imports::{ImportKind, RowError};
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::bulk::{self as catalogue_bulk};
use aftersales_persistence::import_jobs::{self, Outcome};
use aftersales_persistence::serials::bulk as serials_bulk;
use chrono::Utc;
use serde_json::{Value, json};
use uuid::Uuid;

use super::check::Checker;
use crate::audit::Change;
use crate::error::ApiError;
use crate::imports::read::Sheet;
use crate::use_cases::{Actor, Work};

/// Errors kept on the job; `error_count` tells how many there were in all.
pub const MAX_STORED_ERRORS: usize = 1000;
/// Rows checked between two progress updates.
const PROGRESS_EVERY: usize = 10_000;

pub struct Upload {
    pub job_id: Uuid,
    pub kind: ImportKind,
    pub dry_run: bool,
    pub file_name: Option<String>,
    pub sheet: Sheet,
    /// Who uploaded the file: the stored rows and the audit row are theirs.
    pub actor: Actor,
}

/// Runs the job to its end; never fails itself, the outcome is on the job.
pub async fn run(db: DatabaseConnection, upload: Upload) {
    let job_id = upload.job_id;
    let total = i64::try_from(upload.sheet.data_rows()).unwrap_or(i64::MAX);
    let outcome = match execute(&db, upload).await {
        Ok(errors) => outcome(total, errors),
        Err(err) => {
            tracing::error!(job_id = %job_id, error = ?err, "import job failed");
            let error = RowError::new(0, None, format!("the import could not be completed: {err}"));
            outcome(total, vec![error])
        }
    };
    // A busy database must not leave the job `running` for ever: try a few times.
    for attempt in 1..=5u64 {
        match import_jobs::finish(&db, job_id, outcome.clone(), Utc::now()).await {
            Ok(()) => return,
            Err(err) => {
                tracing::error!(job_id = %job_id, attempt, error = ?err, "import job could not be finished");
                tokio::time::sleep(std::time::Duration::from_millis(200 * attempt)).await;
            }
        }
    }
}

fn outcome(total: i64, mut errors: Vec<RowError>) -> Outcome {
    errors.sort_by_key(|e| e.row);
    let stored: Vec<Value> = errors
        .iter()
        .take(MAX_STORED_ERRORS)
        .map(|e| json!({"row": e.row, "column": e.column, "message": e.message}))
        .collect();
    Outcome {
        succeeded: errors.is_empty(),
        processed_rows: total,
        error_count: i64::try_from(errors.len()).unwrap_or(i64::MAX),
        errors: Value::Array(stored),
    }
}

/// The errors of the file (none when it was stored, or would have been).
async fn execute(db: &DatabaseConnection, upload: Upload) -> Result<Vec<RowError>, ApiError> {
    let index = catalogue_bulk::index(db).await?;
    let mut rows = upload.sheet.rows.iter();
    let Some((_, header)) = rows.next() else {
        return Ok(vec![RowError::new(1, None, "the file has no header row")]);
    };
    let mut checker = match Checker::new(upload.kind, header, &index) {
        Ok(checker) => checker,
        Err(errors) => return Ok(errors),
    };
    for (i, (row, cells)) in rows.enumerate() {
        checker.row(*row, cells);
        if (i + 1) % PROGRESS_EVERY == 0 {
            import_jobs::set_progress(db, upload.job_id, i64::try_from(i + 1).unwrap_or(i64::MAX)).await?;
            tokio::task::yield_now().await;
        }
    }
    checker.against_database(db).await?;
    if !checker.errors.is_empty() || upload.dry_run {
        return Ok(checker.errors);
    }
    let work = Work::begin(db, &upload.actor).await?;
    let stored = match upload.kind {
        ImportKind::ProductModels => {
            let models = checker.models.into_iter().map(|(_, m)| m).collect();
            catalogue_bulk::insert_models(work.db(), models, work.now()).await?.len() as u64
        }
        ImportKind::Serials => {
            let units = checker.units.into_iter().map(|(_, u)| u).collect();
            let details = json!({"import_job_id": upload.job_id});
            serials_bulk::insert_units(work.db(), units, Some(work.actor_id()), &details, work.now()).await?
        }
    };
    let change = Change {
        action: match upload.kind {
            ImportKind::ProductModels => "import.product_models",
            ImportKind::Serials => "import.serials",
        },
        entity: "import_job",
        entity_id: upload.job_id,
        branch_id: None,
        before: None,
        after: Some(json!({"rows": stored, "file_name": upload.file_name})),
    };
    work.audit(change).await?;
    work.commit().await?;
    Ok(Vec::new())
}
