//! `/api/v1/tickets/{id}/labour`: the services done on a ticket.
//!
//! A line comes from the service catalogue of the ticket's product category (code,
//! description, price and minutes copied when recorded) or is a free line with its
//! own code, description and price, which only the office (clerks, dispatchers,
//! managers) records or removes. Adding and removing are timeline events; the
//! ticket itself (and its version) does not change. A closed ticket refuses both.
pub mod add;
pub mod list;
pub mod remove;
