use actix_web::http::header;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::attachments::{AttachmentDto, UploadQuery};
use futures_util::StreamExt;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedQuery};
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::attachments::upload::{Upload, upload};

/// Attach a file to a ticket: a photo, a document, the returned installation card
/// (which the installation workflow asks for before completing) or an invoice.
///
/// The file is the body, sent as `image/jpeg`, `image/png`, `image/webp` or
/// `application/pdf`; its first bytes must match that type. Stored once per
/// content (by SHA-256) however often it is attached; recorded on the timeline.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/attachments", tag = "tickets", operation_id = "upload_ticket_attachment",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id"), UploadQuery),
    request_body(
        description = "The file itself, at most max_attachment_bytes (10 MiB by default).",
        content(("image/jpeg"), ("image/png"), ("image/webp"), ("application/pdf")),
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
    request_id: RequestId,
    req: HttpRequest,
    id: web::Path<Uuid>,
    ValidatedQuery(query): ValidatedQuery<UploadQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    // Read as a stream under our own limit: the JSON body limit does not apply here.
    let limit = state.config.max_attachment_bytes;
    let declared_length =
        req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    let file = Upload {
        purpose: query.purpose,
        declared_type: req.mime_type().ok().flatten().map(|m| m.essence_str().to_owned()),
        file_name: query.file_name,
        body: read_body(payload, declared_length, limit),
    };
    let attachment = upload(&state.db, &Actor::once(me, request_id), &state.config.data_dir, *id, file).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/tickets/{}/attachments/{}", *id, attachment.id)))
        .json(attachment))
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
