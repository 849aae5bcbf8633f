use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::followups::{ComplaintDto, ResolveComplaint};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::followups::resolve_complaint::resolve;

/// Close a complaint as `resolved` (upheld and dealt with) or `rejected` (unfounded).
///
/// Send `If-Match` with the complaint's `ETag`: a complaint changed meanwhile
/// answers 412. A closed complaint answers 409. The ticket's timeline gains a
/// `complaint_resolved` event, closed ticket or not.
#[utoipa::path(
    post, path = "/api/v1/complaints/{id}/resolve", tag = "followups", operation_id = "resolve_complaint",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Complaint id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = ResolveComplaint,
    responses(
        (status = 200, description = "Closed", body = ComplaintDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such complaint in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The complaint is already closed", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The complaint changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/complaints/{id}/resolve")]
pub async fn resolve_complaint(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::HandleFollowUps>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<ResolveComplaint>,
) -> Result<HttpResponse, ApiError> {
    let complaint = resolve(&state.db, &Actor::new(me, request_id, key), *id, expected, body).await?;
    Ok(reply::once_tagged(StatusCode::OK, complaint, |v| v.version))
}
