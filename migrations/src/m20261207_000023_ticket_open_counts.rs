//! The dashboard's counts of tickets not closed, kept as they change instead of
//! counted on every request: at a million tickets, 98,000 of them open, counting
//! them per stage and kind took 56 ms on SQLite, and the dashboard served 4 a
//! second.
//!
//! Every insert, update or delete of a ticket that changes what it counts toward
//! (branch, stage, stage category, kind, whether a technician is assigned) adds a
//! row to `ticket_open_counts`: −1 under the old key if the ticket was open, +1
//! under the new one if it is. Triggers write these rows, so no path that writes
//! tickets (intake, workflow, dispatch, import, bulk seed) can forget them. Rows
//! are only ever added, so concurrent writers never wait for each other on a
//! shared counter (on PostgreSQL every intake at one branch would otherwise lock
//! the same row until it commits). The count of a key is the sum of its rows;
//! `tickets::dashboard::fold_open_counts` replaces the rows of each key by their
//! sum now and again, so the table stays a few rows per branch and stage.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The tickets open now, as the first rows.
const BACKFILL: &str = "
INSERT INTO ticket_open_counts (branch_id, stage, stage_category, kind, unassigned, delta)
  SELECT branch_id, stage, stage_category, kind, technician_id IS NULL, COUNT(*)
  FROM tickets WHERE stage_category <> 'closed'
  GROUP BY branch_id, stage, stage_category, kind, technician_id IS NULL;
";

const SQLITE_UP: &str = "
CREATE TABLE ticket_open_counts (
  id INTEGER PRIMARY KEY,
  branch_id uuid_text NOT NULL,
  stage varchar(32) NOT NULL,
  stage_category varchar(16) NOT NULL,
  kind varchar(24) NOT NULL,
  unassigned boolean NOT NULL,
  delta integer NOT NULL
);
CREATE TRIGGER ticket_open_counts_insert AFTER INSERT ON tickets
WHEN new.stage_category <> 'closed' BEGIN
  INSERT INTO ticket_open_counts (branch_id, stage, stage_category, kind, unassigned, delta)
  VALUES (new.branch_id, new.stage, new.stage_category, new.kind, new.technician_id IS NULL, 1);
END;
CREATE TRIGGER ticket_open_counts_delete AFTER DELETE ON tickets
WHEN old.stage_category <> 'closed' BEGIN
  INSERT INTO ticket_open_counts (branch_id, stage, stage_category, kind, unassigned, delta)
  VALUES (old.branch_id, old.stage, old.stage_category, old.kind, old.technician_id IS NULL, -1);
END;
CREATE TRIGGER ticket_open_counts_update AFTER UPDATE OF branch_id, stage, stage_category, kind, technician_id
ON tickets
WHEN old.branch_id IS NOT new.branch_id OR old.stage IS NOT new.stage
  OR old.stage_category IS NOT new.stage_category OR old.kind IS NOT new.kind
  OR (old.technician_id IS NULL) IS NOT (new.technician_id IS NULL) BEGIN
  INSERT INTO ticket_open_counts (branch_id, stage, stage_category, kind, unassigned, delta)
  SELECT old.branch_id, old.stage, old.stage_category, old.kind, old.technician_id IS NULL, -1
  WHERE old.stage_category <> 'closed';
  INSERT INTO ticket_open_counts (branch_id, stage, stage_category, kind, unassigned, delta)
  SELECT new.branch_id, new.stage, new.stage_category, new.kind, new.technician_id IS NULL, 1
  WHERE new.stage_category <> 'closed';
END;
";

const SQLITE_DOWN: &str = "
DROP TRIGGER IF EXISTS ticket_open_counts_update;
DROP TRIGGER IF EXISTS ticket_open_counts_delete;
DROP TRIGGER IF EXISTS ticket_open_counts_insert;
DROP TABLE IF EXISTS ticket_open_counts;
";

const POSTGRES_UP: &str = "
CREATE TABLE ticket_open_counts (
  id bigserial PRIMARY KEY,
  branch_id uuid NOT NULL,
  stage varchar(32) NOT NULL,
  stage_category varchar(16) NOT NULL,
  kind varchar(24) NOT NULL,
  unassigned boolean NOT NULL,
  delta bigint NOT NULL
);
CREATE FUNCTION ticket_open_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (old.branch_id, old.stage, old.stage_category, old.kind, old.technician_id IS NULL)
     IS NOT DISTINCT FROM (new.branch_id, new.stage, new.stage_category, new.kind, new.technician_id IS NULL) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND old.stage_category <> 'closed' THEN
    INSERT INTO ticket_open_counts (branch_id, stage, stage_category, kind, unassigned, delta)
    VALUES (old.branch_id, old.stage, old.stage_category, old.kind, old.technician_id IS NULL, -1);
  END IF;
  IF TG_OP <> 'DELETE' AND new.stage_category <> 'closed' THEN
    INSERT INTO ticket_open_counts (branch_id, stage, stage_category, kind, unassigned, delta)
    VALUES (new.branch_id, new.stage, new.stage_category, new.kind, new.technician_id IS NULL, 1);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER ticket_open_counts_follow
AFTER INSERT OR DELETE OR UPDATE OF branch_id, stage, stage_category, kind, technician_id ON tickets
FOR EACH ROW EXECUTE FUNCTION ticket_open_counts_follow();
";

const POSTGRES_DOWN: &str = "
DROP TRIGGER IF EXISTS ticket_open_counts_follow ON tickets;
DROP FUNCTION IF EXISTS ticket_open_counts_follow();
DROP TABLE IF EXISTS ticket_open_counts;
";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let up = match m.get_database_backend() {
            DatabaseBackend::Postgres => POSTGRES_UP,
            _ => SQLITE_UP,
        };
        db.execute_unprepared(&format!("{up}{BACKFILL}")).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let down = match m.get_database_backend() {
            DatabaseBackend::Postgres => POSTGRES_DOWN,
            _ => SQLITE_DOWN,
        };
        m.get_connection().execute_unprepared(down).await?;
        Ok(())
    }
}
