use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::{CreateProductModel, ProductModelDto};
use aftersales_domain::catalogue::normalise_sku;
use aftersales_persistence::begin_write;
use aftersales_persistence::catalogue::models;
use chrono::Utc;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::ApiError;
use crate::extract::{RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::catalogue::entity;
use crate::use_cases::catalogue::models::check_filing;

/// Add a product model under an active brand and category.
#[utoipa::path(
    post, path = "/api/v1/product-models", tag = "catalogue", operation_id = "create_product_model",
    security(("bearer" = [])),
    request_body = CreateProductModel,
    responses(
        (status = 201, description = "Created", body = ProductModelDto,
            headers(("Location" = String, description = "URL of the new model"), ("ETag" = String, description = "Version of the model"))),
        (status = 409, description = "The brand already has a model with this SKU", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/api/v1/product-models")]
pub async fn create_product_model(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    ValidatedJson(body): ValidatedJson<CreateProductModel>,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    check_filing(&txn, Some(body.brand_id), Some(body.category_id)).await?;
    let new = models::NewModel {
        brand_id: body.brand_id,
        category_id: body.category_id,
        sku: normalise_sku(&body.sku),
        name: body.name.trim().to_owned(),
        needs_installation: body.needs_installation,
    };
    let model = models::insert(&txn, new, Utc::now()).await?;
    let out = dto::product_model_out(&model);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "product_model.create",
            entity: entity::MODEL,
            entity_id: model.id,
            branch_id: None,
            before: None,
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/product-models/{}", model.id)))
        .insert_header((header::ETAG, etag(model.version)))
        .json(out))
}
