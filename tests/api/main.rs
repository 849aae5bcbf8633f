//! Black-box API tests: real HTTP against a spawned server on a fresh database.
//! Run on SQLite by default and on PostgreSQL with `TEST_DATABASE_URL` set.
mod audit;
mod auth;
mod catalogue;
mod catalogue_records;
mod customer_search;
mod customers;
mod errors;
mod followups;
mod imports;
mod openapi;
mod operations;
mod organisation;
mod repositories;
mod scoping;
mod serial_warranty;
mod serials;
mod ticket_attachments;
mod ticket_flow;
mod ticket_labour;
mod ticket_work;
mod tickets;
mod tracking;
mod warranty;
mod warranty_cards;
mod warranty_cases;
