//! The services done on a ticket, one use case a file, and what they share.
//!
//! A line comes from the service catalogue of the ticket's product category (code,
//! description, price and minutes copied when recorded) or is a free line with its
//! own code, description and price, which only the office (clerks, dispatchers,
//! managers) records or removes. Adding and removing are timeline events; the
//! ticket itself (and its version) does not change. A closed ticket refuses both.
pub mod add;
pub mod list;
pub mod remove;

use aftersales_domain::access::{Permission, allowed};
use aftersales_persistence::tickets::labour::LabourLine;

use crate::auth::Principal;
use crate::error::ApiError;

pub(crate) const ENTITY: &str = "ticket_labour_line";

/// Free lines set their own price: office staff only.
pub(crate) fn may_price_freely(me: &Principal) -> Result<(), ApiError> {
    if allowed(&me.roles, Permission::ManageTickets) {
        Ok(())
    } else {
        Err(ApiError::Forbidden(
            "free labour lines (not from the service catalogue) are recorded and removed by the office",
        ))
    }
}

/// How a line reads on the timeline: `2 × Gas refill at 450000 VND`.
pub(crate) fn line_note(line: &LabourLine) -> String {
    format!("{} × {} at {}", line.quantity, line.description, line.unit_price)
}
