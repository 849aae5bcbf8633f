//! The application layer: one file per use case (take in a ticket, issue a part,
//! receive stock…), each a plain async function that every entry point calls —
//! the staff handler, the partner API, an order sync, an import. A use case loads
//! what it needs through the repositories, lets the rules in `aftersales-domain`
//! decide, and saves the outcome in one [`Work`] (transaction, kept answer of a
//! retried request, timeline events, audit). Handlers under `routes/` only
//! extract the request, call one use case and shape the answer; they never reach
//! the persistence crate (`scripts/check_deps.sh` keeps it so).
pub mod access;
pub mod attachments;
pub mod audit;
pub mod auth;
pub mod branches;
pub mod catalogue;
pub mod customers;
pub mod dashboard;
pub mod defective_parts;
pub mod dispatch;
pub mod exports;
pub mod fault_codes;
pub mod followups;
pub mod imports;
pub mod operations;
pub mod orders;
pub mod part_sales;
pub mod partners;
pub mod parts;
pub mod purchase_orders;
pub mod reports;
pub mod rtv_shipments;
pub mod serials;
pub mod service_items;
pub mod skills;
pub mod stock;
pub mod stocktakes;
pub mod tickets;
pub mod tracking;
pub mod transfers;
pub mod users;
pub mod warehouses;
pub mod warranty;
pub mod warranty_cards;
pub mod webhooks;
mod work;
pub mod workflows;

pub use work::{Actor, Begun, Once, Work, forget_old_answers};
