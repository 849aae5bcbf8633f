//! One ticket of the caller's part of the network, with the names its page shows
//! (customer, branch, model, serial, technician): a clerk may not read branches or
//! users one by one, and should not see a dash where a name belongs.
use aftersales_api_types::tickets::TicketDto;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets;
use uuid::Uuid;

use super::{names_out, ticket_out};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::use_cases::access::ticket_in_scope;

pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<TicketDto, ApiError> {
    let ticket = ticket_in_scope(db, me, id).await?;
    let names = tickets::names::of_tickets(db, &[id]).await?.remove(&id).map(names_out);
    Ok(TicketDto { names, ..ticket_out(&ticket)? })
}
