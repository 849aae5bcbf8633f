//! One module per route.

pub mod audit;
pub mod branches;
pub mod customers;
pub mod dispatch;
pub mod followups;
pub mod home;
pub mod imports;
pub mod intake;
pub mod login;
pub mod not_found;
pub mod part_sales;
pub mod parts;
pub mod purchasing;
pub mod reports;
pub mod serials;
pub mod settings;
pub mod settings_catalog;
pub mod stock;
pub mod ticket;
pub mod tickets;
pub mod track;
pub mod transfers;
pub mod users;
pub mod warranty;
pub mod warranty_cards;
pub mod workflows;
