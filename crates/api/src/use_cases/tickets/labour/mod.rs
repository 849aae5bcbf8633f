//! Shared by the `/tickets/labour` use cases.
use aftersales_domain::access::{Permission, allowed};

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
