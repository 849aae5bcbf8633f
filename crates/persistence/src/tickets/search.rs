//! Finding tickets by what a clerk types: number, customer name or phone, serial.
//! Each ticket keeps that text folded in `search_text`; a search is "contains" on
//! it, for the text as typed, its phone digits and its serial key.
use std::collections::BTreeSet;

use aftersales_domain::customers::phone_digits;
use aftersales_domain::text_fold::fold;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DbBackend, Statement};
use uuid::Uuid;

use crate::entities::tickets::Column;
use crate::{StoreError, text};

/// A search that matches at most this many tickets is answered from the search
/// index: their ids first, then the page among them. A broader one walks the
/// tickets newest first and tests each, and soon meets a page of matches. Kept
/// small because a broad search pays for asking the index first: 1,001 of
/// "nguyen"'s 4,445 matches at 100,000 tickets took 4 ms, 201 under 1.
const FEW: usize = 200;

/// The folded text a ticket is found by.
pub fn search_text(number: &str, customer_name: &str, phones: &[String], serial: Option<&str>) -> String {
    let mut parts = vec![fold(number), fold(customer_name)];
    parts.extend(phones.iter().map(|p| phone_digits(p).to_owned()));
    if let Some(serial) = serial {
        parts.push(fold(serial));
        if let Some(key) = aftersales_domain::serials::normalize_serial(serial) {
            parts.push(key.to_lowercase());
        }
    }
    parts.join(" ")
}

/// The tickets `q` finds, as a condition on them; `None` when `q` is blank.
pub(crate) async fn matching(db: &impl ConnectionTrait, q: &str) -> Result<Option<Condition>, StoreError> {
    let needles = needles(q);
    if needles.is_empty() {
        return Ok(None);
    }
    if let Some(ids) = few_matches(db, &needles).await? {
        return Ok(Some(Condition::all().add(Column::Id.is_in(ids))));
    }
    let cond = needles
        .iter()
        .fold(Condition::any(), |cond, needle| cond.add(text::folded_contains(Column::SearchText, needle)));
    Ok(Some(cond))
}

/// What `q` is looked for as: folded as typed, and its phone digits and serial key
/// when it reads as a phone number or a serial.
fn needles(q: &str) -> Vec<String> {
    let folded = fold(q);
    if folded.is_empty() {
        return Vec::new();
    }
    let mut needles = vec![folded];
    needles.extend(text::phone_needle(q));
    needles.extend(aftersales_domain::serials::normalize_serial(q).map(|s| s.to_lowercase()));
    needles.dedup();
    needles
}

/// On SQLite, the tickets whose search text contains one of the `needles`, from
/// the trigram index (migration 22), when there are at most [`FEW`]; `None` when
/// there are more, when a needle is too short for trigrams or holds `%`, `_` or
/// `\` (the index takes no ESCAPE), and on PostgreSQL, whose planner weighs its
/// trigram index against the walk by itself.
async fn few_matches(db: &impl ConnectionTrait, needles: &[String]) -> Result<Option<Vec<Uuid>>, StoreError> {
    let usable = |n: &String| n.chars().count() >= 3 && !n.contains(['%', '_', '\\']);
    if db.get_database_backend() != DbBackend::Sqlite || !needles.iter().all(usable) {
        return Ok(None);
    }
    let mut ids = BTreeSet::new();
    for needle in needles {
        let found = db
            .query_all_raw(Statement::from_sql_and_values(
                DbBackend::Sqlite,
                "SELECT k.ticket_id FROM ticket_search s JOIN ticket_search_keys k ON k.key = s.rowid \
                 WHERE s.search_text LIKE ? LIMIT ?",
                [format!("%{needle}%").into(), i64::try_from(FEW + 1).unwrap_or(i64::MAX).into()],
            ))
            .await?;
        for row in found {
            ids.insert(row.try_get::<Uuid>("", "ticket_id")?);
        }
        if ids.len() > FEW {
            return Ok(None);
        }
    }
    Ok(Some(ids.into_iter().collect()))
}
