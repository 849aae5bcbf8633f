//! Storage of Aftersales on SQLite (embedded default) or PostgreSQL (production).
//!
//! Repositories are plain async functions that take any `ConnectionTrait` (a pool
//! or a transaction) and return domain types; the sea-orm entities stay private.
//! A handler that changes data opens one transaction with [`begin_write`], calls
//! the repositories and the audit log on it, and commits once.

pub mod api_keys;
pub mod audit;
pub mod branches;
mod bulk;
pub mod catalogue;
pub mod customers;
mod db;
pub mod defective_parts;
pub mod document_counters;
mod entities;
mod error;
pub mod idempotency;
pub mod import_jobs;
mod money;
pub mod orders;
pub mod part_sales;
pub mod partners;
pub mod parts;
pub mod purchase_orders;
pub mod refresh_tokens;
pub mod rtv_shipments;
pub mod serials;
pub mod settings;
pub mod skills;
pub mod stock;
pub mod stock_bulk;
pub mod stock_reports;
pub mod stocktakes;
mod text;
pub mod tickets;
pub mod transfers;
pub mod users;
mod versioned;
pub mod warehouses;
pub mod warranty_cards;
pub mod warranty_policies;
pub mod webhooks;
pub mod workflows;

pub use db::{DbOptions, analyze, begin_bulk_write, begin_write, connect, migrate, ping, refresh_statistics};
pub use error::StoreError;
pub use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, Statement, TransactionTrait,
};

/// Rows asked of a list query: one more than the page, to know whether another follows.
pub fn fetch_size(limit: u32) -> u64 {
    u64::from(limit) + 1
}

/// Keyset paging over `(key, id)`: rows after the last one of the previous page,
/// for lists ordered by a non-unique key and then by id.
pub(crate) fn after_key<C, V>(key: C, id: C, after: Option<(V, uuid::Uuid)>) -> sea_orm::Condition
where
    C: sea_orm::ColumnTrait,
    V: Into<sea_orm::Value> + Clone,
{
    use sea_orm::Condition;
    match after {
        None => Condition::all(),
        Some((value, last)) => {
            Condition::any().add(key.gt(value.clone())).add(Condition::all().add(key.eq(value)).add(id.gt(last)))
        }
    }
}
