//! Many rows of one table at once: multi-row INSERTs, each as large as the bind
//! parameters allow (SQLite takes 32,766 a statement, PostgreSQL 65,535), for
//! imports and the volume generator.
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Iterable};

/// The lower of the two databases' limits on bind parameters per statement.
const MAX_PARAMETERS: usize = 32_766;

/// How many rows of `E` one INSERT can carry: a parameter per column per row.
fn rows_per_insert<E: EntityTrait>() -> usize {
    (MAX_PARAMETERS / E::Column::iter().count().max(1)).max(1)
}

/// Inserts every row, in as few statements as the limit allows; answers how many.
pub(crate) async fn insert_all<A>(db: &impl ConnectionTrait, rows: impl IntoIterator<Item = A>) -> Result<u64, DbErr>
where
    A: ActiveModelTrait + Send,
{
    let per_insert = rows_per_insert::<A::Entity>();
    let mut rows = rows.into_iter().peekable();
    let mut inserted = 0;
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(per_insert).collect();
        inserted += chunk.len() as u64;
        A::Entity::insert_many(chunk).exec_without_returning(db).await?;
    }
    Ok(inserted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{ticket_events, tickets};

    #[test]
    fn an_insert_carries_as_many_rows_as_the_parameters_allow() {
        let per_ticket = tickets::Column::iter().count();
        assert!(per_ticket > 40, "the tickets table is wide");
        assert_eq!(rows_per_insert::<tickets::Entity>(), MAX_PARAMETERS / per_ticket);
        assert!(rows_per_insert::<tickets::Entity>() * per_ticket <= MAX_PARAMETERS);
        assert!(rows_per_insert::<ticket_events::Entity>() > rows_per_insert::<tickets::Entity>());
    }
}
