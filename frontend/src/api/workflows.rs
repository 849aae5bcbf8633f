//! Ticket configuration for admins: replacing the workflow of a ticket kind
//! (`PUT /workflows/{kind}`; reading them is in [`super::reference`]) and the
//! ticket desk's settings (`/settings/tickets`).

use aftersales_api_types::tickets::{TicketKind, TicketSettings};
use aftersales_api_types::workflows::{WorkflowBody, WorkflowDto};
use gloo_net::http::Method;

use super::{ApiError, Call, authed};
use crate::session::Session;

/// The path segment (and wire name) of a ticket kind.
pub fn kind_slug(kind: TicketKind) -> &'static str {
    match kind {
        TicketKind::Repair => "repair",
        TicketKind::Installation => "installation",
        TicketKind::Maintenance => "maintenance",
        TicketKind::ReturnExchange => "return_exchange",
    }
}

/// The ticket kind of a path segment.
pub fn kind_of_slug(slug: &str) -> Option<TicketKind> {
    crate::i18n::labels::TICKET_KINDS.into_iter().find(|k| kind_slug(*k) == slug)
}

/// `PUT /workflows/{kind}` with `If-Match` of the version the editor was filled
/// from: the whole workflow is replaced, or refused as a whole (422 naming each
/// field, 409 when tickets stand in a removed stage, 412 when someone saved first).
pub async fn put(
    session: Session,
    kind: TicketKind,
    version: i64,
    body: &WorkflowBody,
) -> Result<WorkflowDto, ApiError> {
    let call = Call::new(Method::PUT, format!("/workflows/{}", kind_slug(kind))).if_match(version).json(body)?;
    authed(session, call).await
}

/// `GET /settings/tickets`.
pub async fn ticket_settings(session: Session) -> Result<TicketSettings, ApiError> {
    authed(session, Call::new(Method::GET, "/settings/tickets")).await
}

/// `PUT /settings/tickets`.
pub async fn put_ticket_settings(session: Session, body: &TicketSettings) -> Result<TicketSettings, ApiError> {
    authed(session, Call::new(Method::PUT, "/settings/tickets").json(body)?).await
}
