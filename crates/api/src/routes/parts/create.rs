use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::parts::{CreatePart, PartDto};

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::parts::create;

/// Add a part to the catalogue.
///
/// The SKU is trimmed and upper-cased and must be new to the brand (409 naming
/// it otherwise). The standard cost and price share one currency and are exact.
/// Compatible models must be of the part's brand (422 naming `model_ids[i]`).
#[utoipa::path(
    post, path = "/api/v1/parts", tag = "parts", operation_id = "create_part",
    security(("bearer" = [])),
    request_body = CreatePart,
    responses(
        (status = 201, description = "Created", body = PartDto,
            headers(("Location" = String, description = "URL of the new part"), ("ETag" = String, description = "Version of the part"))),
        (status = 409, description = "The brand already has a part with this SKU", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/parts")]
pub async fn create_part(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageParts>,
    request_id: RequestId,
    key: IdempotencyKey,
    ValidatedJson(body): ValidatedJson<CreatePart>,
) -> Result<HttpResponse, ApiError> {
    let part = create::create(&state.db, &Actor::new(me, request_id, key), body).await?;
    Ok(reply::created(part, |v| format!("/api/v1/parts/{}", v.id), |v| v.version))
}
