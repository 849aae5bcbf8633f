use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::followups::{ComplaintDto, OpenComplaint};
use aftersales_domain::tickets::complaint::ComplaintCategory;
use aftersales_persistence::tickets::complaints::{self, NewComplaint};
use aftersales_persistence::tickets::events;
use aftersales_persistence::{StoreError, begin_write, users};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::access::ticket_in_scope;
use crate::use_cases::followups::complaint_out;
use crate::use_cases::tickets::domain_enum;

/// Open a complaint about a ticket's service.
///
/// Allowed on a closed ticket too: complaints usually come after closing. The
/// complaint is its own record; the ticket only gains a `complaint_opened` event
/// on its timeline and keeps every sealed field as it was. The complaint is about
/// the ticket's technician unless `technician_id` names someone else, and belongs
/// to the ticket's branch. While it is open, steps guarded by
/// `complaints_resolved` are refused.
#[utoipa::path(
    post, path = "/api/v1/tickets/{id}/complaints", tag = "followups", operation_id = "open_complaint",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    request_body = OpenComplaint,
    responses(
        (status = 201, description = "Opened", body = ComplaintDto,
            headers(("Location" = String, description = "URL of the complaint"), ("ETag" = String, description = "Version of the complaint"))),
        (status = 404, description = "No such ticket in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or no such technician in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/tickets/{id}/complaints")]
pub async fn open_complaint(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::HandleFollowUps>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<OpenComplaint>,
) -> Result<HttpResponse, ApiError> {
    let now = Utc::now();
    let category = domain_enum(&body.category, ComplaintCategory::parse)?;
    let txn = begin_write(&state.db).await?;
    let ticket = ticket_in_scope(&txn, &me, *id).await?;
    let technician_id = match body.technician_id {
        Some(given) => match users::find_in_scope(&txn, &me.scope, given).await {
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
    let complaint = complaints::insert(
        &txn,
        NewComplaint {
            ticket_id: ticket.id,
            branch_id: ticket.branch_id,
            technician_id,
            category,
            description: description.clone(),
            created_by: Some(me.user_id),
        },
        now,
    )
    .await?;
    let event = events::NewEvent {
        field: Some("complaint"),
        to_value: Some(complaint.id.to_string()),
        note: Some(format!("{}: {description}", category.as_str())),
        ..events::NewEvent::kind("complaint_opened")
    };
    events::append(&txn, ticket.id, Some(me.user_id), now, event).await?;
    let out = complaint_out(&complaint)?;
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "complaint.open",
            entity: "complaint",
            entity_id: complaint.id,
            branch_id: Some(complaint.branch_id),
            before: None,
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/complaints/{}", complaint.id)))
        .insert_header((header::ETAG, etag(complaint.version)))
        .json(out))
}
