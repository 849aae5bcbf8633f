//! The parts catalogue's use cases (add, change, read, list), and what they
//! share: the wire shape of a part, the checks of its brand, models and prices.
pub mod create;
pub mod get;
pub mod list;
pub mod update;

use aftersales_api_types::FieldError;
use aftersales_api_types::parts::PartDto;
use aftersales_api_types::service_items::Money as WireMoney;
use aftersales_domain::money::Money;
use aftersales_persistence::catalogue::{brands, models};
use aftersales_persistence::parts::Part;
use aftersales_persistence::{ConnectionTrait, StoreError};
use uuid::Uuid;

use crate::error::ApiError;
use crate::money_dto::{money_in, money_out};

pub(crate) const ENTITY: &str = "part";

pub fn part_out(p: &Part) -> PartDto {
    PartDto {
        id: p.id,
        brand_id: p.brand_id,
        sku: p.sku.clone(),
        name: p.name.clone(),
        component_code: p.component_code.clone(),
        unit: p.unit.clone(),
        serialised: p.serialised,
        standard_cost: money_out(p.standard_cost),
        price: money_out(p.price),
        reorder_point: p.reorder_point,
        model_ids: p.model_ids.clone(),
        active: p.active,
        created_at: p.created_at,
        updated_at: p.updated_at,
        version: p.version,
    }
}

/// The compatible models without repeats; each must exist and be of `brand_id`
/// (a field error naming `model_ids[i]` otherwise).
pub(crate) async fn check_models(
    db: &impl ConnectionTrait,
    brand_id: Uuid,
    ids: &[Uuid],
    errors: &mut Vec<FieldError>,
) -> Result<Vec<Uuid>, ApiError> {
    let mut kept: Vec<Uuid> = Vec::with_capacity(ids.len());
    for (i, &id) in ids.iter().enumerate() {
        if kept.contains(&id) {
            continue;
        }
        let field = format!("model_ids[{i}]");
        match models::find(db, id).await {
            Ok(model) if model.brand_id == brand_id.into() => kept.push(id),
            Ok(_) => errors.push(FieldError::new(&field, "other_brand", "the product model is of another brand")),
            Err(StoreError::NotFound) => {
                errors.push(FieldError::new(&field, "unknown_model", "there is no product model with this id"));
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(kept)
}

/// The standard cost and the price, in one currency.
pub(crate) fn prices_in(cost: &WireMoney, price: &WireMoney) -> Result<(Money, Money), ApiError> {
    let cost = money_in(cost, "standard_cost")?;
    let price = money_in(price, "price")?;
    if price.currency() != cost.currency() {
        return Err(ApiError::field(
            "price.currency",
            "currency_mismatch",
            format!("must be the currency of the standard cost ({})", cost.currency()),
        ));
    }
    Ok((cost, price))
}

/// The brand a new part is filed under must exist and be active.
pub(crate) async fn check_brand(db: &impl ConnectionTrait, brand_id: Uuid) -> Result<Option<FieldError>, ApiError> {
    match brands::find(db, brand_id).await {
        Ok(brand) if brand.active => Ok(None),
        Ok(_) => Ok(Some(FieldError::new("brand_id", "inactive_brand", "the brand is inactive"))),
        Err(StoreError::NotFound) => {
            Ok(Some(FieldError::new("brand_id", "unknown_brand", "there is no brand with this id")))
        }
        Err(e) => Err(e.into()),
    }
}

/// The keyset cursor of a part: SKU and id. Normalised SKUs hold no spaces.
pub(crate) fn cursor_key(part: &Part) -> String {
    format!("{} {}", part.sku, part.id)
}
