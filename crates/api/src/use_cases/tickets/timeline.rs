//! The ticket's timeline: every change, oldest first.
use aftersales_api_types::tickets::TicketEventDto;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::events;
use uuid::Uuid;

use super::event_out;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::use_cases::access::ticket_in_scope;

pub async fn timeline(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<Vec<TicketEventDto>, ApiError> {
    let ticket = ticket_in_scope(db, me, id).await?;
    let events = events::of_ticket(db, ticket.id.uuid()).await?;
    Ok(events.iter().map(event_out).collect())
}
