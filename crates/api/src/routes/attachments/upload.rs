use actix_web::http::header;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::attachments::{AttachmentDto, UploadQuery};
use futures_util::StreamExt;
use futures_util::future::ready;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedQuery};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::attachments::upload::{Upload, upload};
use crate::use_cases::tickets::attachment_files::sniff;

/// Attach a file to a ticket: a photo, a document, the returned installation card
/// (which the installation workflow asks for before completing) or an invoice.
///
/// The file is the body, sent as `image/jpeg`, `image/png`, `image/webp` or
/// `application/pdf`; its first bytes must match that type. Sent as
/// `application/octet-stream` (what generated clients send), its type is read from
/// its first bytes. Stored once per content (by SHA-256) however often it is
/// attached; recorded on the timeline.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/attachments", tag = "tickets", operation_id = "upload_ticket_attachment",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id"), UploadQuery),
    request_body(
        description = "The file itself (JPEG, PNG, WebP or PDF), at most max_attachment_bytes (10 MiB by default). \
            `image/jpeg`, `image/png`, `image/webp` and `application/pdf` are accepted as the Content-Type too.",
        content(("application/octet-stream")),
    ),
    responses(
        (status = 201, description = "Attached", body = AttachmentDto,
            headers(("Location" = String, description = "URL to download the file"))),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ticket is closed and sealed", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The file is larger than max_attachment_bytes", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JPEG, PNG, WebP or PDF", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty, or the content is not of the declared type, or a bad file name", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets/{id}/attachments")]
pub async fn upload_ticket_attachment(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::WorkTickets>,
    (request_id, key): (RequestId, IdempotencyKey),
    req: HttpRequest,
    id: web::Path<Uuid>,
    ValidatedQuery(query): ValidatedQuery<UploadQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    // Read as a stream under our own limit: the JSON body limit does not apply here.
    let limit = state.config.max_attachment_bytes;
    let declared_length =
        req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    let declared_type = req.mime_type().ok().flatten().map(|m| m.essence_str().to_owned());
    let body = read_body(payload, declared_length, limit);
    let attachment = if declared_type.as_deref() == Some(OCTET_STREAM) {
        // The content says what it is; the use case still checks it against that.
        let body = body.await?;
        let file = Upload {
            purpose: query.purpose,
            declared_type: Some(type_of(&body)?),
            file_name: query.file_name,
            body: ready(Ok(body)),
        };
        upload(&state.db, &Actor::new(me, request_id, key), &state.config.data_dir, *id, file).await?
    } else {
        let file = Upload { purpose: query.purpose, declared_type, file_name: query.file_name, body };
        upload(&state.db, &Actor::new(me, request_id, key), &state.config.data_dir, *id, file).await?
    };
    Ok(reply::created_at(attachment, |v| format!("/api/v1/tickets/{}/attachments/{}", *id, v.id)))
}

const OCTET_STREAM: &str = "application/octet-stream";

/// The accepted type a file sent as `application/octet-stream` shows in its first bytes.
fn type_of(body: &[u8]) -> Result<String, ApiError> {
    if body.is_empty() {
        return Err(ApiError::field("body", "missing_file", "send the file as the body"));
    }
    sniff(body)
        .map(str::to_owned)
        .ok_or_else(|| ApiError::field("body", "content_mismatch", "the content is not a JPEG, PNG, WebP or PDF file"))
}

/// The body, refused (413) as soon as it is known to pass `limit`.
async fn read_body(
    mut payload: web::Payload,
    declared_length: Option<usize>,
    limit: usize,
) -> Result<Vec<u8>, ApiError> {
    if declared_length.is_some_and(|n| n > limit) {
        return Err(ApiError::PayloadTooLarge(limit));
    }
    let mut body = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::Malformed(format!("the body could not be read: {e}")))?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge(limit));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
