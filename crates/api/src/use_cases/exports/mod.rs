//! The catalogue and the serial registry as XLSX workbooks with the columns of the
//! import, so that an export can be edited and imported again.
pub mod product_models;
pub mod serials;

use actix_web::HttpResponse;
use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};

use rust_xlsxwriter::XlsxError;

use crate::error::ApiError;
use crate::imports::read::XLSX;

/// A workbook as the answer to download, under `file_name`.
pub(crate) fn xlsx(file_name: &str, bytes: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(XLSX)
        .insert_header((
            header::CONTENT_DISPOSITION,
            ContentDisposition {
                disposition: DispositionType::Attachment,
                parameters: vec![DispositionParam::Filename(file_name.to_owned())],
            },
        ))
        .body(bytes)
}

/// Writes a workbook on a blocking thread: a large one must not hold up the server.
pub(crate) async fn in_background<F>(write: F) -> Result<Vec<u8>, ApiError>
where
    F: FnOnce() -> Result<Vec<u8>, XlsxError> + Send + 'static,
{
    actix_web::web::block(write)
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("export: {e}")))?
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("export: {e}")))
}
