//! Files attached to a ticket (photos, documents, the returned installation card).
//! The bytes live on disk under their SHA-256; these rows say which ticket has which.
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::ticket_attachments::{ActiveModel, Column, Entity, Model};

/// The purpose of the scan that proves an installation card came back.
pub const INSTALLATION_CARD: &str = "installation_card";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub id: Uuid,
    pub ticket_id: Uuid,
    /// `photo`, `document`, `installation_card`, `invoice`.
    pub purpose: String,
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: i64,
    /// Lower-case hex; names the file on disk.
    pub sha256: String,
    pub uploaded_by: Option<Uuid>,
    pub uploaded_at: DateTime<Utc>,
}

/// A file to record; the bytes are already stored under `sha256`.
#[derive(Debug, Clone)]
pub struct NewAttachment {
    pub ticket_id: Uuid,
    pub purpose: String,
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_by: Option<Uuid>,
}

fn to_record(m: Model) -> Attachment {
    Attachment {
        id: m.id,
        ticket_id: m.ticket_id,
        purpose: m.purpose,
        file_name: m.file_name,
        media_type: m.media_type,
        size_bytes: m.size_bytes,
        sha256: m.sha256,
        uploaded_by: m.uploaded_by,
        uploaded_at: m.uploaded_at,
    }
}

pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewAttachment,
    now: DateTime<Utc>,
) -> Result<Attachment, StoreError> {
    let model = ActiveModel {
        id: Set(Uuid::now_v7()),
        ticket_id: Set(new.ticket_id),
        purpose: Set(new.purpose),
        file_name: Set(new.file_name),
        media_type: Set(new.media_type),
        size_bytes: Set(new.size_bytes),
        sha256: Set(new.sha256),
        uploaded_by: Set(new.uploaded_by),
        uploaded_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(to_record(model))
}

/// The ticket's attachments, oldest first.
pub async fn of_ticket(db: &impl ConnectionTrait, ticket_id: Uuid) -> Result<Vec<Attachment>, StoreError> {
    let rows = Entity::find().filter(Column::TicketId.eq(ticket_id)).order_by_asc(Column::Id).all(db).await?;
    Ok(rows.into_iter().map(to_record).collect())
}

/// One attachment of a ticket; `NotFound` when it belongs to another ticket.
pub async fn find(db: &impl ConnectionTrait, ticket_id: Uuid, id: Uuid) -> Result<Attachment, StoreError> {
    Entity::find_by_id(id)
        .filter(Column::TicketId.eq(ticket_id))
        .one(db)
        .await?
        .map(to_record)
        .ok_or(StoreError::NotFound)
}

/// Does the ticket have an attachment with this purpose?
pub async fn has_purpose(db: &impl ConnectionTrait, ticket_id: Uuid, purpose: &str) -> Result<bool, StoreError> {
    let n = Entity::find().filter(Column::TicketId.eq(ticket_id)).filter(Column::Purpose.eq(purpose)).count(db).await?;
    Ok(n > 0)
}
