use std::time::Duration;

use aftersales_migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbErr, SqliteTransactionMode,
    TransactionOptions, TransactionTrait,
};

#[derive(Debug, Clone)]
pub struct DbOptions {
    /// `sqlite://path/to/file.db` or `postgres://user@host/db`.
    pub url: String,
    /// Pool size. Writes are fsync-bound, so this is also the group-commit batch.
    pub max_connections: u32,
    /// SQLite only: `synchronous=FULL` survives power loss at the cost of write speed;
    /// the default `NORMAL` survives process crashes.
    pub sqlite_synchronous_full: bool,
}

/// How much of a SQLite file is read through memory mapping: SQLite's own ceiling
/// (`SQLITE_MAX_MMAP_SIZE`, just under 2 GiB); the rest is read as before.
/// At a million tickets (a 4 GB file) it lifted the ticket list with a text search
/// at 32 clients from 144 to 212 requests a second.
const MMAP_SIZE: u64 = 0x7fff_0000;

/// Opens the pool. On SQLite: creates the file, WAL journal, foreign keys on, a busy
/// timeout so concurrent writers wait (up to 30 s, the length of a large import)
/// instead of failing.
pub async fn connect(options: &DbOptions) -> Result<DatabaseConnection, DbErr> {
    let mut opts = ConnectOptions::new(options.url.clone());
    opts.max_connections(options.max_connections)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    let synchronous = if options.sqlite_synchronous_full { SqliteSynchronous::Full } else { SqliteSynchronous::Normal };
    opts.map_sqlx_sqlite_opts(move |o| {
        o.create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(synchronous)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(30))
            // Reads from the file mapped into memory, shared by every pooled
            // connection, instead of each copying pages through its own 2 MB cache.
            .pragma("mmap_size", MMAP_SIZE.to_string())
    });
    Database::connect(opts).await
}

/// Applies every migration not yet applied.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

/// Brings the query planner's statistics up to date where they are missing or
/// stale. Without them SQLite answers a page of fifty tickets by reading every
/// ticket the filters allow and sorting them (an outlet with a year of tickets
/// waits seconds); with them it walks the id index backwards and stops at fifty.
///
/// Every row is read (no `analysis_limit`): a sample of a thousand, as SQLite
/// suggests for speed, guessed 1,001 tickets per stage category where there are
/// 20,000, and the planner then sorted every closed ticket for a page of fifty
/// (80 ms at 100,000 tickets instead of 1). A full pass takes 0.2 s at 100,000
/// tickets and runs only for tables that changed a lot since the last one; the
/// server runs it in the background, at start and then now and again, as SQLite
/// advises for long-lived connections. PostgreSQL's autovacuum keeps its own.
pub async fn refresh_statistics(db: &DatabaseConnection) -> Result<(), DbErr> {
    if db.get_database_backend() != sea_orm::DbBackend::Sqlite {
        return Ok(());
    }
    // One transaction, so both pragmas run on the same pooled connection.
    let txn = db.begin().await?;
    txn.execute_unprepared("PRAGMA analysis_limit = 0").await?;
    txn.execute_unprepared("PRAGMA optimize = 0x10002").await?;
    txn.commit().await
}

/// Measures every table and index anew, whatever `refresh_statistics` thinks is
/// stale: after writing rows in bulk.
pub async fn analyze(db: &DatabaseConnection) -> Result<(), DbErr> {
    db.execute_unprepared("ANALYZE").await.map(|_| ())
}

/// Begins a write transaction for a bulk load: on SQLite its connection keeps a
/// page cache of 256 MB from then on instead of 2 MB, since rows written in bulk
/// land all over indexes far larger than the default (the stock ledger's, at a
/// million tickets) and every miss is a read and a later write of a page.
pub async fn begin_bulk_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    let txn = begin_write(db).await?;
    if db.get_database_backend() == sea_orm::DbBackend::Sqlite {
        txn.execute_unprepared("PRAGMA cache_size = -262144").await?;
    }
    Ok(txn)
}

/// Is the database reachable?
pub async fn ping(db: &DatabaseConnection) -> Result<(), DbErr> {
    db.execute_unprepared("SELECT 1").await.map(|_| ())
}

/// Begins a transaction that will write. On SQLite it takes the write lock up front
/// (`BEGIN IMMEDIATE`): a deferred transaction that reads and then writes can fail
/// with "database is locked" under concurrency instead of waiting its turn.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}
