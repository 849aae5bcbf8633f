use actix_web::http::header;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::attachments::{AttachmentDto, UploadQuery};
use aftersales_persistence::begin_write;
use aftersales_persistence::tickets::{attachments, events};
use chrono::Utc;
use futures_util::StreamExt;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedQuery};
use crate::state::AppState;
use crate::use_cases::access::{refuse_if_sealed, ticket_in_scope};
use crate::use_cases::attachments::attachment_out;
use crate::use_cases::tickets::attachment_files::{self, accepted, extension, sniff};

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
    mut payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let ticket = ticket_in_scope(&state.db, &me, *id).await?;
    refuse_if_sealed(&ticket)?;
    let media_type = req.mime_type().ok().flatten().and_then(|m| accepted(m.essence_str())).ok_or_else(|| {
        ApiError::UnsupportedMediaType("send the file as image/jpeg, image/png, image/webp or application/pdf".into())
    })?;
    let file_name = match query.file_name.as_deref().map(str::trim) {
        Some(name) if name.is_empty() || name.chars().any(|c| c.is_control() || c == '/' || c == '\\') => {
            return Err(ApiError::field(
                "file_name",
                "invalid_file_name",
                "a file name without folders or control characters",
            ));
        }
        Some(name) => name.to_owned(),
        None => format!("{}.{}", query.purpose.as_str(), extension(media_type)),
    };
    // Read as a stream under our own limit: the JSON body limit does not apply here.
    let limit = state.config.max_attachment_bytes;
    let declared_length =
        req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    if declared_length.is_some_and(|n| n > limit) {
        return Err(ApiError::PayloadTooLarge(limit));
    }
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::Malformed(format!("the body could not be read: {e}")))?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge(limit));
        }
        body.extend_from_slice(&chunk);
    }
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
    let root = attachment_files::root(&state.config.data_dir);
    let sha256 = web::block(move || attachment_files::store(&root, &body))
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("{e}")))?
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("storing an attachment: {e}")))?;

    let now = Utc::now();
    let txn = begin_write(&state.db).await?;
    let ticket = ticket_in_scope(&txn, &me, ticket.id).await?;
    refuse_if_sealed(&ticket)?;
    let new = attachments::NewAttachment {
        ticket_id: ticket.id,
        purpose: query.purpose.as_str().to_owned(),
        file_name,
        media_type: media_type.to_owned(),
        size_bytes,
        sha256,
        uploaded_by: Some(me.user_id),
    };
    let attachment = attachments::insert(&txn, new, now).await?;
    let event = events::NewEvent {
        to_value: Some(attachment.id.to_string()),
        note: Some(format!("{}: {}", attachment.purpose, attachment.file_name)),
        ..events::NewEvent::kind("attachment_added")
    };
    events::append(&txn, ticket.id, Some(me.user_id), now, event).await?;
    let out = attachment_out(&attachment)?;
    let change = Change {
        action: "ticket.attachment_add",
        entity: "ticket_attachment",
        entity_id: attachment.id,
        branch_id: Some(ticket.branch_id),
        before: None,
        after: snapshot(&out),
    };
    audit::record(&txn, Some(me.user_id), &request_id, change).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/tickets/{}/attachments/{}", ticket.id, attachment.id)))
        .json(out))
}
