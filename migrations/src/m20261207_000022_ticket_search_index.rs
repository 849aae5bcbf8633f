//! An index of the text tickets are found by (`tickets.search_text`: number,
//! customer name and phones, serial), so that a search that matches a few tickets
//! finds them without reading every ticket: one customer's phone number took
//! 1.2 s at a million tickets, as `LIKE '%…%'` can use no ordinary index.
//!
//! PostgreSQL: a trigram GIN index (pg_trgm), which the planner uses for `LIKE`
//! by itself. SQLite: an FTS5 table with the trigram tokenizer, which answers
//! `LIKE` too, kept by triggers. Its rows are keyed by `ticket_search_keys.key`,
//! an INTEGER PRIMARY KEY of our own, not by the tickets' rowids, which VACUUM may
//! renumber (the tickets' key is a UUID). The list asks it first when the search
//! is selective (see `tickets::list`).
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE_UP: &str = "
CREATE TABLE ticket_search_keys (key INTEGER PRIMARY KEY, ticket_id TEXT NOT NULL UNIQUE);
CREATE VIRTUAL TABLE ticket_search USING fts5(search_text, tokenize = 'trigram');
INSERT INTO ticket_search_keys (ticket_id) SELECT id FROM tickets ORDER BY id;
INSERT INTO ticket_search (rowid, search_text)
  SELECT k.key, t.search_text FROM ticket_search_keys k JOIN tickets t ON t.id = k.ticket_id;
CREATE TRIGGER ticket_search_insert AFTER INSERT ON tickets BEGIN
  INSERT INTO ticket_search_keys (ticket_id) VALUES (new.id);
  INSERT INTO ticket_search (rowid, search_text) VALUES (last_insert_rowid(), new.search_text);
END;
CREATE TRIGGER ticket_search_update AFTER UPDATE OF search_text ON tickets BEGIN
  DELETE FROM ticket_search WHERE rowid = (SELECT key FROM ticket_search_keys WHERE ticket_id = old.id);
  INSERT INTO ticket_search (rowid, search_text)
    SELECT key, new.search_text FROM ticket_search_keys WHERE ticket_id = new.id;
END;
CREATE TRIGGER ticket_search_delete AFTER DELETE ON tickets BEGIN
  DELETE FROM ticket_search WHERE rowid = (SELECT key FROM ticket_search_keys WHERE ticket_id = old.id);
  DELETE FROM ticket_search_keys WHERE ticket_id = old.id;
END;
";

const SQLITE_DOWN: &str = "
DROP TRIGGER IF EXISTS ticket_search_delete;
DROP TRIGGER IF EXISTS ticket_search_update;
DROP TRIGGER IF EXISTS ticket_search_insert;
DROP TABLE IF EXISTS ticket_search;
DROP TABLE IF EXISTS ticket_search_keys;
";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        match m.get_database_backend() {
            DatabaseBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE EXTENSION IF NOT EXISTS pg_trgm; \
                     CREATE INDEX ix_tickets_search_text ON tickets USING gin (search_text gin_trgm_ops)",
                )
                .await?;
            }
            _ => {
                db.execute_unprepared(SQLITE_UP).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        match m.get_database_backend() {
            DatabaseBackend::Postgres => db.execute_unprepared("DROP INDEX IF EXISTS ix_tickets_search_text").await?,
            _ => db.execute_unprepared(SQLITE_DOWN).await?,
        };
        Ok(())
    }
}
