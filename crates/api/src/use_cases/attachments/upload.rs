//! Attach a file to a ticket.
use std::future::Future;
use std::path::Path;

use actix_web::http::StatusCode;
use actix_web::web;
use aftersales_api_types::attachments::{AttachmentDto, AttachmentPurpose};
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::{attachments, events};
use uuid::Uuid;

use super::attachment_out;
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::access::{refuse_if_sealed, ticket_in_scope};
use crate::use_cases::tickets::attachment_files::{self, accepted, extension, sniff};
use crate::use_cases::{Actor, Begun, Once, Work};

/// A file as sent: what it is for, what the sender says it is, and its content,
/// read only once the ticket and the declared type are accepted (a file is large;
/// a refused one need not be read).
pub struct Upload<Body> {
    pub purpose: AttachmentPurpose,
    /// The declared media type (`Content-Type` without parameters), if any.
    pub declared_type: Option<String>,
    pub file_name: Option<String>,
    pub body: Body,
}

/// The content's first bytes must match the declared type; the file is stored
/// once per content (by SHA-256) under `data_dir` and recorded on the timeline.
pub async fn upload<Body>(
    db: &DatabaseConnection,
    actor: &Actor,
    data_dir: &Path,
    ticket_id: Uuid,
    file: Upload<Body>,
) -> Result<Once<AttachmentDto>, ApiError>
where
    Body: Future<Output = Result<Vec<u8>, ApiError>>,
{
    let me = &actor.me;
    let ticket = ticket_in_scope(db, me, ticket_id).await?;
    refuse_if_sealed(&ticket)?;
    let media_type = file.declared_type.as_deref().and_then(accepted).ok_or_else(|| {
        ApiError::UnsupportedMediaType("send the file as image/jpeg, image/png, image/webp or application/pdf".into())
    })?;
    let file_name = match file.file_name.as_deref().map(str::trim) {
        Some(name) if name.is_empty() || name.chars().any(|c| c.is_control() || c == '/' || c == '\\') => {
            return Err(ApiError::field(
                "file_name",
                "invalid_file_name",
                "a file name without folders or control characters",
            ));
        }
        Some(name) => name.to_owned(),
        None => format!("{}.{}", file.purpose.as_str(), extension(media_type)),
    };
    let body = file.body.await?;
    if body.is_empty() {
        return Err(ApiError::field("body", "missing_file", "send the file as the body"));
    }
    match sniff(&body) {
        Some(found) if found == media_type => {}
        found => {
            let message = format!("the content is {}, not {media_type}", found.unwrap_or("of no accepted type"));
            return Err(ApiError::field("body", "content_mismatch", message));
        }
    }
    let size_bytes = i64::try_from(body.len()).unwrap_or(i64::MAX);
    let root = attachment_files::root(data_dir);
    let sha256 = web::block(move || attachment_files::store(&root, &body))
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("{e}")))?
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("storing an attachment: {e}")))?;

    // A retry is the same file (by its hash) under the same name and type.
    let asked = (&file_name, media_type, &sha256);
    let work = match Work::begin_retryable(db, actor, &asked).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    // Checked again in the transaction: the ticket may have closed while the file came in.
    let ticket = ticket_in_scope(work.db(), me, ticket.id.uuid()).await?;
    refuse_if_sealed(&ticket)?;
    let new = attachments::NewAttachment {
        ticket_id: ticket.id.uuid(),
        purpose: file.purpose.as_str().to_owned(),
        file_name,
        media_type: media_type.to_owned(),
        size_bytes,
        sha256,
        uploaded_by: Some(me.user_id),
    };
    let attachment = attachments::insert(work.db(), new, work.now()).await?;
    let event = events::NewEvent {
        to_value: Some(attachment.id.to_string()),
        note: Some(format!("{}: {}", attachment.purpose, attachment.file_name)),
        ..events::NewEvent::kind("attachment_added")
    };
    work.timeline(ticket.id, event).await?;
    let out = attachment_out(&attachment)?;
    work.audit(Change {
        action: "ticket.attachment_add",
        entity: "ticket_attachment",
        entity_id: attachment.id,
        branch_id: Some(ticket.branch_id.uuid()),
        before: None,
        after: snapshot(&out),
    })
    .await?;
    work.finish(StatusCode::CREATED, out).await
}
