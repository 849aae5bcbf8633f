use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::rtv::{ScrapDefectivePart, ScrappedPart};
use uuid::Uuid;

use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson};
use crate::idempotency::IdempotencyKey;
use crate::reply;
use crate::state::AppState;
use crate::use_cases::Actor;
use crate::use_cases::defective_parts::scrap::scrap;

/// Scrap an old part handed in and not packed for the manufacturer, with the
/// reason: it leaves the defective-parts warehouse as a `write_off` movement and
/// is closed. A part still owed, packed, shipped or closed answers 409. Send an
/// `Idempotency-Key` to make a retry safe.
#[utoipa::path(
    post, path = "/api/v1/defective-parts/{id}/scrap", tag = "stock", operation_id = "scrap_defective_part",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Defective part id"),
    ),
    request_body = ScrapDefectivePart,
    responses(
        (status = 200, description = "Scrapped", body = ScrappedPart),
        (status = 404, description = "No such old part in your part of the network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The part is not on the shelf, or is packed in a shipment", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/defective-parts/{id}/scrap")]
pub async fn scrap_defective_part(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageParts>,
    request_id: RequestId,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<ScrapDefectivePart>,
) -> Result<HttpResponse, ApiError> {
    let answer = scrap(&state.db, &Actor::new(me, request_id, key), *id, body).await?;
    Ok(reply::once(StatusCode::OK, answer))
}
