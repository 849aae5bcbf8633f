use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::followups::ComplaintDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::followups::get_complaint::get;

/// One complaint of your part of the network.
#[utoipa::path(
    get, path = "/api/v1/complaints/{id}", tag = "followups", operation_id = "get_complaint",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Complaint id")),
    responses(
        (status = 200, description = "The complaint", body = ComplaintDto, headers(("ETag" = String, description = "Version, for If-Match"))),
        (status = 404, description = "No such complaint in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/complaints/{id}")]
pub async fn get_complaint(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::HandleFollowUps>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let complaint = get(&state.db, &me, *id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(complaint.version))).json(complaint))
}
