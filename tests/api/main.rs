//! Black-box API tests: real HTTP against a spawned server on a fresh database.
//! Run on SQLite by default and on PostgreSQL with `TEST_DATABASE_URL` set.
mod audit;
mod auth;
mod catalogue;
mod catalogue_records;
mod customer_search;
mod customers;
mod dispatch;
mod dispatch_board;
mod errors;
mod imports;
mod openapi;
mod operations;
mod organisation;
mod repositories;
mod scoping;
mod serial_warranty;
mod serials;
mod warranty;
mod warranty_cards;
mod warranty_cases;
