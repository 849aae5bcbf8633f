use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::{BrandDto, CreateBrand};
use aftersales_persistence::begin_write;
use aftersales_persistence::catalogue::brands;
use chrono::Utc;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::catalogue::brands::check_country;
use crate::use_cases::catalogue::entity;

/// Add a brand to the catalogue.
#[utoipa::path(
    post, path = "/api/v1/brands", tag = "catalogue", operation_id = "create_brand",
    security(("bearer" = [])),
    request_body = CreateBrand,
    responses(
        (status = 201, description = "Created", body = BrandDto,
            headers(("Location" = String, description = "URL of the new brand"), ("ETag" = String, description = "Version of the brand"))),
        (status = 409, description = "The code is taken", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/brands")]
pub async fn create_brand(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    ValidatedJson(body): ValidatedJson<CreateBrand>,
) -> Result<HttpResponse, ApiError> {
    check_country(body.country.as_deref())?;
    let txn = begin_write(&state.db).await?;
    let new = brands::NewBrand { code: body.code, name: body.name.trim().to_owned(), country: body.country };
    let brand = brands::insert(&txn, new, Utc::now()).await?;
    let out = dto::brand_out(&brand);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "brand.create",
            entity: entity::BRAND,
            entity_id: brand.id,
            branch_id: None,
            before: None,
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/brands/{}", brand.id)))
        .insert_header((header::ETAG, etag(brand.version)))
        .json(out))
}
