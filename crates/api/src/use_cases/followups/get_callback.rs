//! A ticket's callback task.
use aftersales_api_types::followups::CallbackDto;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::callbacks;
use chrono::Utc;
use uuid::Uuid;

use super::callback_out;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::use_cases::access::ticket_in_scope;

/// 404 when the ticket has no callback task (yet): it is made when the work is completed.
pub async fn get(db: &DatabaseConnection, me: &Principal, ticket_id: Uuid) -> Result<CallbackDto, ApiError> {
    let ticket = ticket_in_scope(db, me, ticket_id).await?;
    let callback = callbacks::of_ticket(db, ticket.id.uuid()).await?.ok_or_else(|| ApiError::not_found("callback"))?;
    Ok(callback_out(&callback, &ticket.number, ticket.branch_id.uuid(), Utc::now()))
}
