use actix_web::http::header;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::imports::{ImportJobDto, ImportKindName, ImportQuery};
use aftersales_domain::imports::ImportKind;
use futures_util::StreamExt;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedQuery};
use crate::imports::read::{self, Format};
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::imports::start::start;

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
        description = "The file itself, the first row naming the columns (case-insensitive). Dates as YYYY-MM-DD (or date cells in XLSX).",
        content(
            ("text/csv"),
            ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ),
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
    request_id: RequestId,
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
    let format = mime.and_then(|m| Format::from_mime(m.essence_str())).ok_or_else(|| {
        ApiError::UnsupportedMediaType(format!("send the file as Content-Type: {} or {}", read::CSV, read::XLSX))
    })?;
    let limit = state.config.max_import_bytes;
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::Malformed(format!("the body could not be read: {e}")))?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge(limit));
        }
        body.extend_from_slice(&chunk);
    }
    let sheet = web::block(move || read::read(format, &body))
        .await
        .map_err(|_| ApiError::field("body", "unreadable_file", "the file could not be read"))?
        .map_err(|message| ApiError::field("body", "unreadable_file", message))?;
    let job = start(&state.db, Actor::once(me, request_id), kind, query, sheet).await?;
    Ok(HttpResponse::Accepted().insert_header((header::LOCATION, format!("/api/v1/imports/{}", job.id))).json(job))
}
