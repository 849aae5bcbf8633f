use sea_orm::{DbErr, SqlErr};

/// What can go wrong in a repository, classified where it arises so that "no such
/// row" and "already exists" never surface as server errors.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A uniqueness or reference rule of the data was broken; the message says which.
    #[error("{0}")]
    Conflict(String),
    /// The row changed since the caller read it (optimistic concurrency).
    #[error("the record was changed by someone else")]
    StaleVersion,
    /// The database is too busy to take the write now (SQLite's single writer is
    /// held by a long transaction such as a bulk import; a PostgreSQL
    /// serialization failure or deadlock): safe to retry.
    #[error("the database is busy; retry in a moment")]
    Busy,
    /// A stored value this version of the code cannot read.
    #[error("stored data is not readable: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Db(DbErr),
}

impl From<DbErr> for StoreError {
    fn from(err: DbErr) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => {
                StoreError::Conflict("a record with the same key already exists".into())
            }
            Some(SqlErr::ForeignKeyConstraintViolation(_)) => {
                StoreError::Conflict("the record is referenced by or refers to a missing record".into())
            }
            _ if is_busy(&err) => StoreError::Busy,
            // SQLite reports some foreign-key failures with an extended code that
            // sea-orm does not classify (1811); its message is stable.
            _ if err.to_string().contains("FOREIGN KEY constraint failed") => {
                StoreError::Conflict("the record is referenced by or refers to a missing record".into())
            }
            _ => match err {
                DbErr::RecordNotFound(_) => StoreError::NotFound,
                other => StoreError::Db(other),
            },
        }
    }
}

/// SQLite "database is locked/busy" after the busy timeout, PostgreSQL 40001/40P01.
fn is_busy(err: &DbErr) -> bool {
    let text = err.to_string();
    text.contains("database is locked")
        || text.contains("database is busy")
        || text.contains("40001")
        || text.contains("40P01")
}

impl StoreError {
    /// Replaces the generic conflict message with one that names the rule.
    pub fn explain_conflict(self, message: &str) -> Self {
        match self {
            StoreError::Conflict(_) => StoreError::Conflict(message.to_owned()),
            other => other,
        }
    }

    /// A failed write with its conflict named: `duplicate` when a uniqueness rule
    /// broke, `reference` when a foreign key did (a referenced row missing, or a
    /// row still referenced).
    pub(crate) fn from_write(err: DbErr, duplicate: &str, reference: &str) -> Self {
        let duplicate_key = matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)));
        match StoreError::from(err) {
            StoreError::Conflict(_) if duplicate_key => StoreError::Conflict(duplicate.to_owned()),
            StoreError::Conflict(_) => StoreError::Conflict(reference.to_owned()),
            other => other,
        }
    }
}
