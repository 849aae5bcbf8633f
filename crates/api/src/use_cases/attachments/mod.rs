//! Files attached to a ticket (photos, documents, the returned installation card,
//! invoices), one use case a file; the files themselves are kept on disk by content
//! hash (`crate::use_cases::tickets::attachment_files`).
pub mod download;
pub mod list;
pub mod upload;

use aftersales_api_types::attachments::{AttachmentDto, AttachmentPurpose};
use aftersales_persistence::tickets::attachments::Attachment;

use crate::error::ApiError;

pub(crate) fn attachment_out(a: &Attachment) -> Result<AttachmentDto, ApiError> {
    Ok(AttachmentDto {
        id: a.id,
        ticket_id: a.ticket_id,
        purpose: AttachmentPurpose::parse(&a.purpose)
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("attachment purpose `{}`", a.purpose)))?,
        file_name: a.file_name.clone(),
        media_type: a.media_type.clone(),
        size_bytes: a.size_bytes,
        sha256: a.sha256.clone(),
        uploaded_by: a.uploaded_by,
        uploaded_at: a.uploaded_at,
    })
}
