//! The ticket's timeline: every change, oldest first, with the names of the
//! people in it (read in one query; a clerk may not read users one by one).
use aftersales_api_types::tickets::TicketEventDto;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::events;
use aftersales_persistence::users;
use uuid::Uuid;

use super::{event_out, technician_sent};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::use_cases::access::ticket_in_scope;

pub async fn timeline(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<Vec<TicketEventDto>, ApiError> {
    let ticket = ticket_in_scope(db, me, id).await?;
    let events = events::of_ticket(db, ticket.id.uuid()).await?;
    let people: Vec<Uuid> = events.iter().flat_map(|e| [e.actor_id, technician_sent(e)]).flatten().collect();
    let names = users::display_names(db, people).await?;
    Ok(events.iter().map(|e| event_out(e, &names)).collect())
}
