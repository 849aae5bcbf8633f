//! Bulk import jobs: what was sent, how far the work is, and what was wrong.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ImportJobs {
    Table,
    Id,
    Kind,
    DryRun,
    Status,
    FileName,
    TotalRows,
    ProcessedRows,
    ErrorCount,
    Errors,
    CreatedBy,
    CreatedAt,
    FinishedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ImportJobs::Table)
                .col(pk_uuid(ImportJobs::Id))
                .col(string_len(ImportJobs::Kind, 32))
                .col(boolean(ImportJobs::DryRun))
                .col(string_len(ImportJobs::Status, 16))
                .col(string_len_null(ImportJobs::FileName, 200))
                .col(big_integer(ImportJobs::TotalRows))
                .col(big_integer(ImportJobs::ProcessedRows))
                .col(big_integer(ImportJobs::ErrorCount))
                // JSON array of the first errors (capped; `error_count` has them all).
                .col(text(ImportJobs::Errors))
                .col(uuid_null(ImportJobs::CreatedBy))
                .col(timestamp_with_time_zone(ImportJobs::CreatedAt))
                .col(timestamp_with_time_zone_null(ImportJobs::FinishedAt))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ImportJobs::Table).to_owned()).await
    }
}
