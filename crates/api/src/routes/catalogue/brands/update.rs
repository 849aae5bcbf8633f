use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::{BrandDto, UpdateBrand};
use aftersales_persistence::begin_write;
use aftersales_persistence::catalogue::brands::{self, BrandChanges};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::catalogue::brands::check_country;
use crate::use_cases::catalogue::entity;

/// Change a brand's name, country or whether it is active (its code stays).
#[utoipa::path(
    patch, path = "/api/v1/brands/{id}", tag = "catalogue", operation_id = "update_brand",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Brand id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; the update fails with 412 if the brand changed since"),
    ),
    request_body = UpdateBrand,
    responses(
        (status = 200, description = "Updated", body = BrandDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such brand", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The brand changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/brands/{id}")]
pub async fn update_brand(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdateBrand>,
    IfMatch(expected): IfMatch,
) -> Result<HttpResponse, ApiError> {
    check_country(body.country.as_ref().and_then(Option::as_deref))?;
    let txn = begin_write(&state.db).await?;
    let current = brands::find(&txn, *id).await.or_not_found("brand")?;
    let changes =
        BrandChanges { name: body.name.map(|n| n.trim().to_owned()), country: body.country, active: body.active };
    let updated = brands::update(&txn, &current, expected, changes, Utc::now()).await?;
    let out = dto::brand_out(&updated);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "brand.update",
            entity: entity::BRAND,
            entity_id: updated.id,
            branch_id: None,
            before: snapshot(&dto::brand_out(&current)),
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(updated.version))).json(out))
}
