use actix_web::http::header;
use actix_web::{HttpResponse, patch, web};
use aftersales_api_types::Problem;
use aftersales_api_types::catalogue::{ProductModelDto, UpdateProductModel};
use aftersales_domain::catalogue::normalise_sku;
use aftersales_persistence::begin_write;
use aftersales_persistence::catalogue::models::{self, ModelChanges};
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::{Authorized, need};
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::extract::{IfMatch, RequestId, ValidatedJson, etag};
use crate::state::AppState;
use crate::use_cases::catalogue::entity;
use crate::use_cases::catalogue::models::check_filing;

/// Change a product model: its filing, SKU, name, installation need, or retire it.
#[utoipa::path(
    patch, path = "/api/v1/product-models/{id}", tag = "catalogue", operation_id = "update_product_model",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "Product model id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; the update fails with 412 if the model changed since"),
    ),
    request_body = UpdateProductModel,
    responses(
        (status = 200, description = "Updated", body = ProductModelDto, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such product model", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The brand already has a model with this SKU", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The model changed since you read it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/api/v1/product-models/{id}")]
pub async fn update_product_model(
    state: web::Data<AppState>,
    Authorized(me, ..): Authorized<need::ManageCatalogue>,
    request_id: RequestId,
    id: web::Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdateProductModel>,
    IfMatch(expected): IfMatch,
) -> Result<HttpResponse, ApiError> {
    let txn = begin_write(&state.db).await?;
    let current = models::find(&txn, *id).await.or_not_found("product model")?;
    // Only a new filing is checked: a model stays valid under a brand retired later.
    let new_brand = body.brand_id.filter(|b| *b != current.brand_id);
    let new_category = body.category_id.filter(|c| *c != current.category_id);
    check_filing(&txn, new_brand, new_category).await?;
    let changes = ModelChanges {
        brand_id: new_brand,
        category_id: new_category,
        sku: body.sku.as_deref().map(normalise_sku),
        name: body.name.map(|n| n.trim().to_owned()),
        needs_installation: body.needs_installation,
        active: body.active,
    };
    let updated = models::update(&txn, &current, expected, changes, Utc::now()).await?;
    let out = dto::product_model_out(&updated);
    audit::record(
        &txn,
        Some(me.user_id),
        &request_id,
        Change {
            action: "product_model.update",
            entity: entity::MODEL,
            entity_id: updated.id,
            branch_id: None,
            before: snapshot(&dto::product_model_out(&current)),
            after: snapshot(&out),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, etag(updated.version))).json(out))
}
