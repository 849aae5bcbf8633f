//! Wire types of the Aftersales REST API (`/api/v1`), shared by the server and the
//! web app. JSON is snake_case; ids are UUID strings; times are UTC RFC 3339.
//!
//! Validation rules live on the types (`validator`) so the server and the web app
//! check the same thing; OpenAPI schemas are derived behind the `openapi` feature.

pub mod attachments;
pub mod audit;
pub mod auth;
pub mod branches;
pub mod catalogue;
pub mod customers;
pub mod dashboard;
pub mod defective_parts;
pub mod dispatch;
pub mod entitlement;
pub mod fault_codes;
pub mod followups;
pub mod imports;
pub mod labour;
pub mod order_returns;
pub mod orders;
pub mod page;
pub mod part_sales;
pub mod partners;
pub mod parts;
mod patch;
pub mod problem;
pub mod purchasing;
pub mod rtv;
mod rules;
pub mod serial_records;
pub mod serials;
pub mod service_items;
pub mod skills;
pub mod stock;
pub mod stock_reports;
pub mod stocktakes;
pub mod ticket_changes;
pub mod ticket_parts;
pub mod ticket_reports;
pub mod tickets;
pub mod tracking;
pub mod transfers;
pub mod users;
pub mod vocab;
pub mod warehouses;
pub mod warranty;
pub mod warranty_cards;
pub mod webhooks;
pub mod workflows;

pub use page::Page;
pub use problem::{FieldError, Problem};
