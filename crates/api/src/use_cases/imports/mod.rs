//! Bulk imports of product models and sold serials, run as jobs: started with a
//! file read into rows, checked row by row, stored all or nothing.
mod check;
pub mod get;
pub mod list;
mod run;
pub mod start;

use aftersales_api_types::imports::{ImportJobDto, ImportRowError};
use aftersales_persistence::import_jobs::ImportJob;

pub fn job_out(job: &ImportJob) -> ImportJobDto {
    let errors: Vec<ImportRowError> = job
        .errors
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|e| ImportRowError {
                    row: e["row"].as_u64().unwrap_or(0),
                    column: e["column"].as_str().map(str::to_owned),
                    message: e["message"].as_str().unwrap_or_default().to_owned(),
                })
                .collect()
        })
        .unwrap_or_default();
    ImportJobDto {
        id: job.id,
        kind: job.kind.clone(),
        dry_run: job.dry_run,
        status: job.status.clone(),
        file_name: job.file_name.clone(),
        total_rows: job.total_rows,
        processed_rows: job.processed_rows,
        error_count: job.error_count,
        errors,
        created_by: job.created_by,
        created_at: job.created_at,
        finished_at: job.finished_at,
    }
}
