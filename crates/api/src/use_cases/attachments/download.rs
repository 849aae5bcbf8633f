//! One attached file, with its media type and name.
use std::path::Path;

use actix_web::web;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::tickets::attachments;
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::access::ticket_in_scope;
use crate::use_cases::tickets::attachment_files;

pub struct AttachedFile {
    pub file_name: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
}

/// The file as stored under `data_dir`, read off the async workers.
pub async fn download(
    db: &DatabaseConnection,
    me: &Principal,
    data_dir: &Path,
    ticket_id: Uuid,
    attachment_id: Uuid,
) -> Result<AttachedFile, ApiError> {
    let ticket = ticket_in_scope(db, me, ticket_id).await?;
    let attachment = attachments::find(db, ticket.id.uuid(), attachment_id).await.or_not_found("attachment")?;
    let root = attachment_files::root(data_dir);
    let sha = attachment.sha256.clone();
    let bytes = web::block(move || attachment_files::read(&root, &sha))
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("{e}")))?
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("attachment file {}: {e}", attachment.sha256)))?;
    Ok(AttachedFile { file_name: attachment.file_name, media_type: attachment.media_type, bytes })
}
