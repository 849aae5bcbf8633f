use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::parts::{CreatePart, PartDto};
use aftersales_domain::catalogue::normalise_sku;
use aftersales_persistence::begin_write;
use aftersales_persistence::parts::{self, NewPart};
use chrono::Utc;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::parts::{ENTITY, check_brand, check_models, part_out, prices_in};

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
    ValidatedJson(body): ValidatedJson<CreatePart>,
) -> Result<HttpResponse, ApiError> {
    let (standard_cost_minor, price_minor, currency) = prices_in(&body.standard_cost, &body.price)?;
    let txn = begin_write(&state.db).await?;
    let mut errors: Vec<_> = check_brand(&txn, body.brand_id).await?.into_iter().collect();
    let model_ids = check_models(&txn, body.brand_id, &body.model_ids, &mut errors).await?;
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let new = NewPart {
        brand_id: body.brand_id,
        sku: normalise_sku(&body.sku),
        name: body.name.trim().to_owned(),
        component_code: body.component_code,
        unit: body.unit,
        serialised: body.serialised,
        standard_cost_minor,
        price_minor,
        currency,
        reorder_point: body.reorder_point,
        model_ids,
    };
    let part = parts::insert(&txn, new, Utc::now()).await?;
    let out = part_out(&part);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "part.create",
            entity: ENTITY,
            entity_id: part.id,
            branch_id: None,
            before: None,
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/parts/{}", part.id)))
        .insert_header((header::ETAG, etag(part.version)))
        .json(out))
}
