//! Partners of the network and their API keys, and the tickets partners take in
//! or are given. Admins manage partners and keys; a dispatcher gives tickets.
pub mod create;
pub mod get;
pub mod give_ticket;
pub mod key_create;
pub mod key_list;
pub mod key_revoke;
pub mod list;
mod out;
pub mod tickets;
pub mod update;

pub use out::{key_out, partner_out};
