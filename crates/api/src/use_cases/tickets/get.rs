//! One ticket of the caller's part of the network.
use aftersales_api_types::tickets::TicketDto;
use aftersales_persistence::DatabaseConnection;
use uuid::Uuid;

use super::ticket_out;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::use_cases::access::ticket_in_scope;

pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<TicketDto, ApiError> {
    ticket_out(&ticket_in_scope(db, me, id).await?)
}
