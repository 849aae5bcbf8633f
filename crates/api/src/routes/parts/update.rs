use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::parts::{PartDto, UpdatePart};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::parts::update;

/// Change a part: SKU, name, component, unit, serialisation, prices, reorder
/// point, compatible models, or retire it (`active: false`). The brand stays.
#[utoipa::path(
    patch, path = "/api/v1/parts/{id}", tag = "parts", operation_id = "update_part",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Part id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; the update fails with 412 if the part changed since"),
    ),
    request_body = UpdatePart,
    responses(
        (status = 200, description = "Updated", body = PartDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such part", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The brand already has a part with this SKU", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The part changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/parts/{id}")]
pub async fn update_part(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageParts>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    IfMatch(expected): IfMatch,
    ValidatedJson(body): ValidatedJson<UpdatePart>,
) -> Result<HttpResponse, ApiError> {
    let part = update::update(&state.db, &Actor::once(me, request_id), *id, expected, body).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(part.version))).json(part))
}
