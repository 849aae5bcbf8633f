//! `/api/v1/parts`: the parts catalogue, company-wide. Everyone reads it; admins,
//! managers and warehouse keepers maintain it. Parts are never deleted (the stock
//! ledger refers to them): retire one with `active: false`.
pub mod create;
pub mod get;
pub mod list;
pub mod update;
