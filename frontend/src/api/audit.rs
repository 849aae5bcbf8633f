//! The audit log (`/audit`): who changed what, from what, to what.

use aftersales_api_types::Page;
use aftersales_api_types::audit::AuditEntryDto;
use gloo_net::http::Method;

use super::{ApiError, Call, authed};
use crate::session::Session;

/// `GET /audit` with these filters (`(name, value)` as the API names them), one
/// page from `cursor`, newest first.
pub async fn list(
    session: Session,
    filters: Vec<(&'static str, String)>,
    cursor: Option<String>,
) -> Result<Page<AuditEntryDto>, ApiError> {
    let call =
        Call::new(Method::GET, "/audit").queries(filters).query("limit", Some("25".to_owned())).query("cursor", cursor);
    authed(session, call).await
}
