//! One module per route.

pub mod branches;
pub mod home;
pub mod login;
pub mod not_found;
pub mod serials;
pub mod stock;
pub mod ticket;
pub mod tickets;
pub mod track;
pub mod users;
