//! Finding tickets by what a clerk types: number, customer name or phone, serial.
//! Each ticket keeps that text folded in `search_text`; a search is "contains" on
//! it, for the text as typed, its phone digits and its serial key; a whole phone
//! number finds the tickets of the customers who have it (see `phone_owners`).
use std::collections::BTreeSet;

use aftersales_domain::customers::{ends_with_key, phone_digits};
use aftersales_domain::text_fold::fold;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QuerySelect, Statement};
use uuid::Uuid;

use crate::entities::customer_phones;
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
    let text = typed(db, q).await?;
    // A partner's order number is found as typed, exactly, from its index: it is
    // not folded into the search text, so no stored text needed rewriting for it.
    let by_reference = by_external_reference(db, q).await?;
    Ok(match (text, by_reference) {
        (Some(text), Some(ids)) => Some(Condition::any().add(text).add(Column::Id.is_in(ids))),
        (None, Some(ids)) => Some(Condition::all().add(Column::Id.is_in(ids))),
        (text, None) => text,
    })
}

/// The tickets, up to [`FEW`], whose external reference is `q` as typed; `None`
/// when there are none (the common case: the search is then as it always was).
async fn by_external_reference(db: &impl ConnectionTrait, q: &str) -> Result<Option<Vec<Uuid>>, StoreError> {
    let q = q.trim();
    if q.is_empty() {
        return Ok(None);
    }
    let ids: Vec<Uuid> = crate::entities::tickets::Entity::find()
        .select_only()
        .column(Column::Id)
        .filter(Column::ExternalReference.eq(q))
        .limit(u64::try_from(FEW).unwrap_or(u64::MAX))
        .into_tuple()
        .all(db)
        .await?;
    Ok((!ids.is_empty()).then_some(ids))
}

/// The tickets the typed text finds in the search text.
async fn typed(db: &impl ConnectionTrait, q: &str) -> Result<Option<Condition>, StoreError> {
    let needles = needles(q);
    if needles.is_empty() {
        return Ok(None);
    }
    if let Some(owners) = phone_owners(db, q).await? {
        return Ok(Some(Condition::all().add(Column::CustomerId.is_in(owners))));
    }
    if let Some(ids) = few_matches(db, &needles).await? {
        return Ok(Some(Condition::all().add(Column::Id.is_in(ids))));
    }
    let cond = needles
        .iter()
        .fold(Condition::any(), |cond, needle| cond.add(text::folded_contains(Column::SearchText, needle)));
    Ok(Some(cond))
}

/// A number typed with fewer significant digits than this may as well be part of a
/// ticket number or a serial (`…-001640`), and is looked for as text.
const PHONE_DIGITS: usize = 8;

/// When `q` reads as a whole phone number: the customers, up to [`FEW`], with a
/// number that ends with its digits (typed with or without country code or trunk
/// 0), from the index of reversed digits (migration 25). Their tickets are the
/// answer: a clerk who types a phone number is looking for that customer, and the
/// trigram index answers digits slowly (each digit trigram is in a few percent of
/// the tickets). `None` when `q` is not a phone number or no customer has it.
async fn phone_owners(db: &impl ConnectionTrait, q: &str) -> Result<Option<Vec<Uuid>>, StoreError> {
    let Some(digits) = text::phone_needle(q).filter(|d| d.len() >= PHONE_DIGITS) else {
        return Ok(None);
    };
    let (from, to) = ends_with_key(&digits);
    let owners: Vec<Uuid> = customer_phones::Entity::find()
        .select_only()
        .column(customer_phones::Column::CustomerId)
        .filter(customer_phones::Column::DigitsReversed.gte(from))
        .filter(customer_phones::Column::DigitsReversed.lt(to))
        .limit(u64::try_from(FEW + 1).unwrap_or(u64::MAX))
        .into_tuple()
        .all(db)
        .await?;
    Ok((!owners.is_empty() && owners.len() <= FEW).then_some(owners))
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
