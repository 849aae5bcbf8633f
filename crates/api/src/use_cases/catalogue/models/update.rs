//! Change a product model: its filing, SKU, name, installation need, or retire it.
use aftersales_api_types::catalogue::{ProductModelDto, UpdateProductModel};
use aftersales_domain::access::Permission;
use aftersales_domain::catalogue::normalise_sku;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::models::{self, ModelChanges};
use uuid::Uuid;

use super::check_filing;
use crate::dto::product_model_out;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::catalogue::MODEL;
use crate::use_cases::{Actor, Work};

/// `expected` is the version the client read (412 if the model changed since);
/// 409 when the brand already has a model with the new SKU.
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    body: UpdateProductModel,
    expected: Option<i64>,
) -> Result<ProductModelDto, ApiError> {
    actor.me.require(Permission::ManageCatalogue)?;
    let work = Work::begin(db, actor).await?;
    let current = models::find(work.db(), id).await.or_not_found("product model")?;
    // Only a new filing is checked: a model stays valid under a brand retired later.
    let new_brand = body.brand_id.filter(|b| *b != current.brand_id.uuid());
    let new_category = body.category_id.filter(|c| *c != current.category_id.uuid());
    check_filing(work.db(), new_brand, new_category).await?;
    let changes = ModelChanges {
        brand_id: new_brand,
        category_id: new_category,
        sku: body.sku.as_deref().map(normalise_sku),
        name: body.name.map(|n| n.trim().to_owned()),
        needs_installation: body.needs_installation,
        active: body.active,
    };
    let updated = models::update(work.db(), &current, expected, changes, work.now()).await?;
    let out = product_model_out(&updated);
    MODEL.updated(&work, updated.id.uuid(), &product_model_out(&current), &out).await?;
    work.commit().await?;
    Ok(out)
}
