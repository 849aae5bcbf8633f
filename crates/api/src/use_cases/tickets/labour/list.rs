//! The ticket's labour lines, oldest first, with exact totals per currency.
use aftersales_api_types::labour::TicketLabourDto;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::labour;
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::use_cases::access::ticket_in_scope;
use crate::use_cases::tickets::work::labour_out;

pub async fn list(db: &DatabaseConnection, me: &Principal, ticket_id: Uuid) -> Result<TicketLabourDto, ApiError> {
    let ticket = ticket_in_scope(db, me, ticket_id).await?;
    let lines = labour::of_ticket(db, ticket.id.uuid()).await?;
    labour_out(&lines)
}
