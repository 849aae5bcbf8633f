//! Optimistic concurrency: a row is written only if nobody changed it since it was
//! read. Every versioned table has an `id` and a `version` that each write bumps.
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::StoreError;

/// The row being changed: its id and the version the caller read.
pub(crate) struct Expect<C> {
    pub id: (C, Uuid),
    pub version: (C, i64),
    /// The version the client claims to have seen (`If-Match`), if it sent one.
    pub client_version: Option<i64>,
}

/// Writes `changes` (which must set the bumped version) if the row is still at the
/// version read, and the client, when it said, saw that version too.
pub(crate) async fn update_if_unchanged<E, A>(
    db: &impl ConnectionTrait,
    changes: A,
    expect: Expect<E::Column>,
) -> Result<(), StoreError>
where
    E: EntityTrait,
    A: ActiveModelTrait<Entity = E> + Send,
{
    let (version_col, read_version) = expect.version;
    if expect.client_version.is_some_and(|v| v != read_version) {
        return Err(StoreError::StaleVersion);
    }
    let (id_col, id) = expect.id;
    let result =
        E::update_many().set(changes).filter(id_col.eq(id)).filter(version_col.eq(read_version)).exec(db).await?;
    if result.rows_affected == 0 {
        return Err(StoreError::StaleVersion);
    }
    Ok(())
}
