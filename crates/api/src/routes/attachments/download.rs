use actix_web::http::header::{self, Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue};
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::state::AppState;
use crate::use_cases::attachments::download::download;

/// Download one attached file, with its media type and name.
#[utoipa::path(
    get, path = "/api/v1/tickets/{id}/attachments/{attachment_id}", tag = "tickets",
    operation_id = "download_ticket_attachment",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Ticket id"),
        ("attachment_id" = Uuid, Path, description = "Attachment id"),
    ),
    responses(
        (status = 200, description = "The file (Content-Disposition: attachment)",
            content(("image/jpeg"), ("image/png"), ("image/webp"), ("application/pdf"))),
        (status = 404, description = "No such ticket in your part of the network, or no such attachment of it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/tickets/{id}/attachments/{attachment_id}")]
pub async fn download_ticket_attachment(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ViewTickets>,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (ticket_id, attachment_id) = path.into_inner();
    let file = download(&state.db, &me, &state.config.data_dir, ticket_id, attachment_id).await?;
    let ascii: String = file
        .file_name
        .chars()
        .map(|c| if (c.is_ascii_graphic() && c != '"' && c != '\\') || c == ' ' { c } else { '_' })
        .collect();
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![
            DispositionParam::Filename(ascii),
            DispositionParam::FilenameExt(ExtendedValue {
                charset: Charset::Ext("UTF-8".into()),
                language_tag: None,
                value: file.file_name.into_bytes(),
            }),
        ],
    };
    Ok(HttpResponse::Ok()
        .content_type(file.media_type.as_str())
        .insert_header((header::CONTENT_DISPOSITION, disposition))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(file.bytes))
}
