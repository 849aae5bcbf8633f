//! `/api/v1/tickets/{id}/attachments`: photos, documents, the returned installation
//! card and invoices, kept on disk by content hash (`crate::use_cases::tickets::attachment_files`).
pub mod download;
pub mod list;
pub mod upload;
