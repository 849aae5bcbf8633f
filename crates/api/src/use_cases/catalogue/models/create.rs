//! Add a product model under an active brand and category.
use actix_web::http::StatusCode;
use aftersales_api_types::catalogue::{CreateProductModel, ProductModelDto};
use aftersales_domain::access::Permission;
use aftersales_domain::catalogue::normalise_sku;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::models;

use super::check_filing;
use crate::dto::product_model_out;
use crate::error::ApiError;
use crate::use_cases::catalogue::MODEL;
use crate::use_cases::{Actor, Begun, Once, Work};

/// 409 when the brand already has a model with this SKU.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    body: CreateProductModel,
) -> Result<Once<ProductModelDto>, ApiError> {
    actor.me.require(Permission::ManageCatalogue)?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    check_filing(work.db(), Some(body.brand_id), Some(body.category_id)).await?;
    let new = models::NewModel {
        brand_id: body.brand_id,
        category_id: body.category_id,
        sku: normalise_sku(&body.sku),
        name: body.name.trim().to_owned(),
        needs_installation: body.needs_installation,
    };
    let model = models::insert(work.db(), new, work.now()).await?;
    let out = product_model_out(&model);
    MODEL.created(&work, model.id.uuid(), &out).await?;
    work.finish(StatusCode::CREATED, out).await
}
