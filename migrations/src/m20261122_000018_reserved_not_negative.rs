//! Migration 000014 meant stock_balances to check `reserved >= 0` as well as
//! `reserved <= on_hand`, but the second check replaced the first. PostgreSQL
//! gets the missing check here; SQLite cannot add a check to an existing table,
//! and there the ledger's rules (`domain::stock::ledger`) remain the guard.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() == sea_orm_migration::sea_orm::DatabaseBackend::Postgres {
            m.get_connection()
                .execute_unprepared(
                    "ALTER TABLE stock_balances ADD CONSTRAINT ck_stock_balances_reserved_not_negative \
                     CHECK (reserved >= 0)",
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() == sea_orm_migration::sea_orm::DatabaseBackend::Postgres {
            m.get_connection()
                .execute_unprepared(
                    "ALTER TABLE stock_balances DROP CONSTRAINT IF EXISTS ck_stock_balances_reserved_not_negative",
                )
                .await?;
        }
        Ok(())
    }
}
