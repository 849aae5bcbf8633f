use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::partners::{PartnerDto, UpdatePartner};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::{Actor, partners};

/// Change a partner: name, contacts, a manufacturer's brands, or make it inactive
/// (its keys are refused while it is).
#[utoipa::path(
    patch, path = "/api/v1/partners/{id}", tag = "partners", operation_id = "update_partner",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Partner id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; the update fails with 412 if the partner changed since"),
    ),
    request_body = UpdatePartner,
    responses(
        (status = 200, description = "Updated", body = PartnerDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such partner in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The partner changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/partners/{id}")]
pub async fn update_partner(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManagePartners>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdatePartner>,
    IfMatch(expected): IfMatch,
) -> Result<HttpResponse, ApiError> {
    let partner = partners::update::update(&state.db, &Actor::once(me, request_id), *id, expected, body).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(partner.version))).json(partner))
}
