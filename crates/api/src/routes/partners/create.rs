use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::partners::{CreatePartner, PartnerDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::{Actor, partners};

/// Create a partner of one of your branches.
///
/// A manufacturer names its brands: its keys read those brands' warranty tickets.
#[utoipa::path(
    post, path = "/api/v1/partners", tag = "partners", operation_id = "create_partner",
    security(("bearer" = [])),
    request_body = CreatePartner,
    responses(
        (status = 201, description = "Created", body = PartnerDto,
            headers(("Location" = String, description = "URL of the new partner"), ("ETag" = String, description = "Version of the partner"))),
        (status = 409, description = "The code is taken", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/partners")]
pub async fn create_partner(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManagePartners>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CreatePartner>,
) -> Result<HttpResponse, ApiError> {
    let partner = partners::create::create(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created(partner, |p| format!("/api/v1/partners/{}", p.id), |p| p.version))
}
