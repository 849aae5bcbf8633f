use actix_web::http::{StatusCode, header};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::imports::{ImportJobDto, ImportKindName, ImportQuery};
use aftersales_domain::imports::ImportKind;
use futures_util::StreamExt;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedQuery};
use crate::idempotency::IdempotencyKey;
use crate::imports::read::{self, Format};
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::imports::start::start;
use crate::use_cases::tickets::attachment_files::sha256_hex;

/// Upload a CSV or XLSX file of product models or sold serials. The file is read at
/// once (an unreadable one is refused); its rows are checked, and unless this is a
/// dry run stored, by a background job whose progress `GET /api/v1/imports/{id}`
/// shows. All or nothing: one bad row fails the job, lists every bad row and stores
/// nothing. Row numbers count the header as row 1.
#[utoipa::path(
    post, path = "/api/v1/imports/{kind}", tag = "imports", operation_id = "create_import",
    security(("bearer" = [])),
    params(("kind" = inline(ImportKindName), Path, description = "What the file holds"), ImportQuery),
    request_body(
        description = "The file itself, CSV or XLSX, the first row naming the columns (case-insensitive). Dates as YYYY-MM-DD \
            (or date cells in XLSX). Sent as `application/octet-stream`, an XLSX file is told by its first bytes (a ZIP archive) \
            and anything else is read as CSV; `text/csv` and the XLSX type are accepted as the Content-Type too.",
        content(("application/octet-stream")),
    ),
    responses(
        (status = 202, description = "The job, running", body = ImportJobDto,
            headers(("Location" = String, description = "URL of the job"))),
        (status = 400, description = "The body could not be read", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed to import", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such kind of import", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The file is larger than max_import_bytes", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Neither text/csv nor XLSX", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a readable CSV or XLSX file, or bad options", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/imports/{kind}")]
pub async fn create_import(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ImportData>,
    (request_id, key): (RequestId, IdempotencyKey),
    req: HttpRequest,
    kind: web::Path<String>,
    ValidatedQuery(query): ValidatedQuery<ImportQuery>,
    mut payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let kind = ImportKind::parse(&kind)
        .ok_or_else(|| ApiError::NotFound(format!("no import of '{kind}'; use product_models or serials")))?;
    let mime = req.mime_type().ok().flatten();
    if mime.is_none() {
        let message = format!("send the file as the body, with Content-Type: {} or {}", read::CSV, read::XLSX);
        return Err(ApiError::field("body", "missing_file", message));
    }
    let declared = mime.map(|m| m.essence_str().to_owned()).unwrap_or_default();
    let format = Format::from_mime(&declared);
    if format.is_none() && declared != read::OCTET_STREAM {
        let (csv, xlsx, any) = (read::CSV, read::XLSX, read::OCTET_STREAM);
        return Err(ApiError::UnsupportedMediaType(format!("send the file as Content-Type: {csv}, {xlsx} or {any}")));
    }
    let limit = state.config.max_import_bytes;
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::Malformed(format!("the body could not be read: {e}")))?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge(limit));
        }
        body.extend_from_slice(&chunk);
    }
    let format = format.unwrap_or_else(|| Format::of_content(&body));
    let (sheet, sha256) = web::block(move || (read::read(format, &body), sha256_hex(&body)))
        .await
        .map_err(|_| ApiError::field("body", "unreadable_file", "the file could not be read"))?;
    let sheet = sheet.map_err(|message| ApiError::field("body", "unreadable_file", message))?;
    let job = start(&state.db, Actor::new(me, request_id, key), kind, query, sheet, &sha256).await?;
    Ok(reply::once_with(StatusCode::ACCEPTED, job, |job| {
        vec![(header::LOCATION, format!("/api/v1/imports/{}", job.id))]
    }))
}
