//! Finding customers: the scoped, filtered list with its folded text search, and
//! the customers who share a phone number or e-mail address.
use aftersales_domain::customers::{Customer, CustomerKind, CustomerSource};
use aftersales_domain::organisation::BranchScope;
use aftersales_domain::text_fold::fold;
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::with_contacts;
use crate::branches::branches_in;
use crate::entities::customers::{Column, Entity};
use crate::entities::{customer_emails, customer_phones};
use crate::{StoreError, fetch_size, text};

pub struct CustomerFilter {
    /// Only customers of this branch (and not those below it).
    pub branch_id: Option<Uuid>,
    pub kind: Option<CustomerKind>,
    pub source: Option<CustomerSource>,
    /// Any part of the name, tax id, an e-mail or a phone number, however written.
    pub q: Option<String>,
    /// Keyset cursor: customers older than this id (ids are UUIDv7, ordered by time).
    pub before_id: Option<Uuid>,
    pub limit: u32,
}

/// The search condition for what a clerk typed: its folded form, and when it
/// reads as a phone number, its digits (see `text::phone_needle`).
fn matching(q: &str) -> Option<Condition> {
    let folded = fold(q);
    if folded.is_empty() {
        return None;
    }
    let mut cond = Condition::any().add(text::folded_contains(Column::SearchKey, &folded));
    if let Some(digits) = text::phone_needle(q) {
        cond = cond.add(text::folded_contains(Column::SearchKey, &digits));
    }
    Some(cond)
}

/// Newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    filter: CustomerFilter,
) -> Result<Vec<Customer>, StoreError> {
    let mut query = Entity::find().filter(Column::BranchId.in_subquery(branches_in(scope)));
    if let Some(branch_id) = filter.branch_id {
        query = query.filter(Column::BranchId.eq(branch_id));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(Column::Kind.eq(kind.as_str()));
    }
    if let Some(source) = filter.source {
        query = query.filter(Column::Source.eq(source.as_str()));
    }
    if let Some(cond) = filter.q.as_deref().and_then(matching) {
        query = query.filter(cond);
    }
    if let Some(before) = filter.before_id {
        query = query.filter(Column::Id.lt(before));
    }
    let rows = query.order_by_desc(Column::Id).limit(fetch_size(filter.limit)).all(db).await?;
    with_contacts(db, rows).await
}

/// Customers within the scope with one of the normalized `phones` or lower-case
/// `emails`, other than `except`; oldest first, at most `limit`.
pub async fn sharing_contacts(
    db: &impl ConnectionTrait,
    scope: &BranchScope,
    phones: &[String],
    emails: &[String],
    except: Option<Uuid>,
    limit: u64,
) -> Result<Vec<Customer>, StoreError> {
    if phones.is_empty() && emails.is_empty() {
        return Ok(Vec::new());
    }
    let phone_owners = Query::select()
        .column(customer_phones::Column::CustomerId)
        .from(customer_phones::Entity)
        .and_where(customer_phones::Column::Normalized.is_in(phones.to_vec()))
        .to_owned();
    let email_owners = Query::select()
        .column(customer_emails::Column::CustomerId)
        .from(customer_emails::Entity)
        .and_where(customer_emails::Column::Address.is_in(emails.to_vec()))
        .to_owned();
    let shares = Condition::any().add(Column::Id.in_subquery(phone_owners)).add(Column::Id.in_subquery(email_owners));
    let mut query = Entity::find().filter(Column::BranchId.in_subquery(branches_in(scope))).filter(shares);
    if let Some(id) = except {
        query = query.filter(Column::Id.ne(id));
    }
    let rows = query.order_by_asc(Column::Id).limit(limit).all(db).await?;
    with_contacts(db, rows).await
}
