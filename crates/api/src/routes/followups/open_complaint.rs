use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::followups::{ComplaintDto, OpenComplaint};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::followups::open_complaint::open;

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
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<OpenComplaint>,
) -> Result<HttpResponse, ApiError> {
    let complaint = open(&state.db, &Actor::new(me, request_id, key), *id, body).await?;
    Ok(reply::created(complaint, |v| format!("/api/v1/complaints/{}", v.id), |v| v.version))
}
