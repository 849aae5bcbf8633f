//! Files attached to a ticket (photos, documents, the returned installation card).
//! The bytes live on disk under their SHA-256; these rows say which ticket has which.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::ticket_attachments::{Column, Entity};

/// The purpose of the scan that proves an installation card came back.
pub const INSTALLATION_CARD: &str = "installation_card";

/// Does the ticket have an attachment with this purpose?
pub async fn has_purpose(db: &impl ConnectionTrait, ticket_id: Uuid, purpose: &str) -> Result<bool, StoreError> {
    let n = Entity::find().filter(Column::TicketId.eq(ticket_id)).filter(Column::Purpose.eq(purpose)).count(db).await?;
    Ok(n > 0)
}
