//! Files attached to a ticket: photos, documents, the returned installation card.

use aftersales_api_types::attachments::{AttachmentDto, AttachmentPurpose};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed, download, file_bytes};
use crate::session::Session;

/// `GET /tickets/{id}/attachments`: the ticket's files, oldest first.
pub async fn list(session: Session, ticket: Uuid) -> Result<Vec<AttachmentDto>, ApiError> {
    authed(session, Call::new(Method::GET, format!("/tickets/{ticket}/attachments"))).await
}

/// `POST /tickets/{id}/attachments`: the file's bytes as the body, its purpose and
/// name in the query.
pub async fn upload(
    session: Session,
    ticket: Uuid,
    purpose: AttachmentPurpose,
    file_name: String,
    media_type: String,
    bytes: Vec<u8>,
) -> Result<AttachmentDto, ApiError> {
    let call = Call::new(Method::POST, format!("/tickets/{ticket}/attachments"))
        .query("purpose", Some(purpose.as_str().to_owned()))
        .query("file_name", Some(file_name))
        .file(media_type, bytes);
    authed(session, call).await
}

/// The file's content, for showing a photo on the page.
pub async fn content(session: Session, ticket: Uuid, attachment: Uuid) -> Result<Vec<u8>, ApiError> {
    file_bytes(session, Call::new(Method::GET, format!("/tickets/{ticket}/attachments/{attachment}"))).await
}

/// Saves the file to the browser's downloads under its own name.
pub async fn save(session: Session, file: &AttachmentDto) -> Result<(), ApiError> {
    let call = Call::new(Method::GET, format!("/tickets/{}/attachments/{}", file.ticket_id, file.id));
    download(session, call, &file.file_name).await
}
