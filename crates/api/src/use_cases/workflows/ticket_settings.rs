//! The ticket desk's settings: the repeat-repair window, a technician's daily job
//! limit, when callbacks fall due, and how long a technician has to hand in an old part.
use aftersales_api_types::tickets::TicketSettings;
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, settings};

use super::settings_out;
use crate::auth::Principal;
use crate::error::ApiError;

pub async fn ticket_settings(db: &DatabaseConnection, me: &Principal) -> Result<TicketSettings, ApiError> {
    me.require(Permission::ViewTickets)?;
    Ok(settings_out(settings::tickets(db).await?))
}
