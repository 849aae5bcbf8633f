//! The files attached to a ticket, oldest first.
use aftersales_api_types::attachments::AttachmentDto;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::attachments;
use uuid::Uuid;

use super::attachment_out;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::use_cases::access::ticket_in_scope;

pub async fn list(db: &DatabaseConnection, me: &Principal, ticket_id: Uuid) -> Result<Vec<AttachmentDto>, ApiError> {
    let ticket = ticket_in_scope(db, me, ticket_id).await?;
    let rows = attachments::of_ticket(db, ticket.id.uuid()).await?;
    rows.iter().map(attachment_out).collect()
}
