//! `/api/v1/stock`: stock on hand, its ledger, and the movements that change it.
pub mod balances;
pub mod issue;
pub mod movements;
pub mod receive;
