//! The business rules of Aftersales as pure functions and types: no I/O, no clock,
//! no database, no HTTP. Time enters as an argument. `scripts/check_deps.sh` keeps it so.

pub mod access;
pub mod branch_tree;
pub mod calendar;
pub mod catalogue;
pub mod customers;
pub mod ids;
pub mod imports;
pub mod login_throttle;
pub mod money;
pub mod orders;
pub mod organisation;
pub mod partners;
pub mod refresh_tokens;
pub mod regional;
pub mod serials;
pub mod stock;
pub mod text;
pub mod text_fold;
pub mod tickets;
pub mod warehouses;
pub mod warranty;
pub mod warranty_cards;
pub mod webhooks;
