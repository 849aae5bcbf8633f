use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use aftersales_api_types::Problem;
use aftersales_api_types::partners::PartnerDto;
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::etag;
use crate::state::AppState;
use crate::use_cases::partners;

/// One partner of your part of the network.
#[utoipa::path(
    get, path = "/api/v1/partners/{id}", tag = "partners", operation_id = "get_partner",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Partner id")),
    responses(
        (status = 200, description = "The partner", body = PartnerDto, headers(("ETag" = String, description = "Version, for If-Match"))),
        (status = 404, description = "No such partner in your part of the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api/v1/partners/{id}")]
pub async fn get_partner(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManagePartners>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let partner = partners::get::get(&state.db, &me, *id).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(partner.version))).json(partner))
}
