//! Files attached to a ticket: photos, documents, the returned installation card,
//! invoices. The file is the body of the upload; these are its options and record.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

/// What the file is for. An `installation_card` proves the card came back, which
/// the installation workflow asks for before a job can be completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "photo"))]
#[serde(rename_all = "snake_case")]
pub enum AttachmentPurpose {
    Photo,
    Document,
    InstallationCard,
    Invoice,
}

impl AttachmentPurpose {
    pub const ALL: [AttachmentPurpose; 4] = [
        AttachmentPurpose::Photo,
        AttachmentPurpose::Document,
        AttachmentPurpose::InstallationCard,
        AttachmentPurpose::Invoice,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AttachmentPurpose::Photo => "photo",
            AttachmentPurpose::Document => "document",
            AttachmentPurpose::InstallationCard => "installation_card",
            AttachmentPurpose::Invoice => "invoice",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// Options of `POST /api/v1/tickets/{id}/attachments`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct UploadQuery {
    pub purpose: AttachmentPurpose,
    /// The file's name as the uploader knows it (no folders); `<purpose>.<ext>` when absent.
    #[validate(length(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(min_length = 1, max_length = 200))]
    pub file_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000a001", "ticket_id": "0193a4f2-7b1c-7cde-8f00-00000000t001",
    "purpose": "installation_card", "file_name": "card.jpg", "media_type": "image/jpeg", "size_bytes": 183204,
    "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "uploaded_by": "0193a4f2-7b1c-7cde-8f00-00000000u001", "uploaded_at": "2026-03-04T09:12:00Z"
})))]
pub struct AttachmentDto {
    pub id: Uuid,
    pub ticket_id: Uuid,
    pub purpose: AttachmentPurpose,
    pub file_name: String,
    /// `image/jpeg`, `image/png`, `image/webp` or `application/pdf`.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::vocab::AttachmentMediaType))]
    pub media_type: String,
    pub size_bytes: i64,
    /// SHA-256 of the content, lower-case hex.
    pub sha256: String,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub uploaded_by: Option<Uuid>,
    pub uploaded_at: DateTime<Utc>,
}
