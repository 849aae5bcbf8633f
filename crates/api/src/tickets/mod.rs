//! Ticket logic shared by the ticket endpoints: conversions to the wire, finding
//! the unit and customer at intake, and the warranty snapshot.
pub mod dispatch;
pub mod intake;
pub mod tracking;
pub mod warranty;
mod wire_out;

pub use wire_out::*;
