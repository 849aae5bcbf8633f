//! `/api/v1/warehouses`: where parts are kept. Each warehouse belongs to a branch
//! and is seen and managed only within that branch's part of the network; a van
//! also belongs to a technician. Warehouses are never deleted (the stock ledger
//! refers to them): retire one with `active: false`.
pub mod create;
pub mod get;
pub mod list;
pub mod update;
