//! Open a complaint about a ticket's service.
use actix_web::http::StatusCode;
use aftersales_api_types::followups::{ComplaintDto, OpenComplaint};
use aftersales_persistence::tickets::complaints::{self, NewComplaint};
use aftersales_persistence::tickets::events;
use aftersales_persistence::{DatabaseConnection, StoreError, users};
use uuid::Uuid;

use super::complaint_out;
use crate::audit::{Change, snapshot};
use crate::error::ApiError;
use crate::use_cases::access::ticket_in_scope;
use crate::use_cases::tickets::convert::ToDomain;
use crate::use_cases::{Actor, Begun, Once, Work};

/// Allowed on a closed ticket too: the complaint is its own record, and the ticket
/// only gains a `complaint_opened` event. It is about the ticket's technician
/// unless `technician_id` names someone else, and belongs to the ticket's branch.
pub async fn open(
    db: &DatabaseConnection,
    actor: &Actor,
    ticket_id: Uuid,
    body: OpenComplaint,
) -> Result<Once<ComplaintDto>, ApiError> {
    let me = &actor.me;
    let category = body.category.to_domain();
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let ticket = ticket_in_scope(work.db(), me, ticket_id).await?;
    let technician_id = match body.technician_id {
        Some(given) => match users::find_in_scope(work.db(), &me.scope, given).await {
            Ok(user) => Some(user.id),
            Err(StoreError::NotFound) => {
                return Err(ApiError::field(
                    "technician_id",
                    "unknown_user",
                    "there is no such user in your part of the network",
                ));
            }
            Err(e) => return Err(e.into()),
        },
        None => ticket.technician_id,
    };
    let description = body.description.trim().to_owned();
    let new = NewComplaint {
        ticket_id: ticket.id.uuid(),
        branch_id: ticket.branch_id.uuid(),
        technician_id: technician_id.map(uuid::Uuid::from),
        category,
        description: description.clone(),
        created_by: Some(me.user_id),
    };
    let complaint = complaints::insert(work.db(), new, work.now()).await?;
    let event = events::NewEvent {
        field: Some("complaint"),
        to_value: Some(complaint.id.to_string()),
        note: Some(format!("{}: {description}", category.as_str())),
        ..events::NewEvent::kind("complaint_opened")
    };
    work.timeline(ticket.id, event).await?;
    let out = complaint_out(&complaint);
    work.audit(Change {
        action: "complaint.open",
        entity: "complaint",
        entity_id: complaint.id,
        branch_id: Some(complaint.branch_id),
        before: None,
        after: snapshot(&out),
    })
    .await?;
    work.finish(StatusCode::CREATED, out).await
}
