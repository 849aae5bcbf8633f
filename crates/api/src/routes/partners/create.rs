use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::partners::{CreatePartner, PartnerDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson, etag};
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
    ValidatedJson(body): ValidatedJson<CreatePartner>,
) -> Result<HttpResponse, ApiError> {
    let partner = partners::create::create(&state.db, &Actor::once(me, request_id), body).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/partners/{}", partner.id)))
        .insert_header((header::ETAG, etag(partner.version)))
        .json(partner))
}
