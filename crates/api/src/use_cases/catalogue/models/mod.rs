//! Product models: what each brand sells, by SKU.
pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod update;

use aftersales_api_types::FieldError;
use aftersales_domain::catalogue::ProductModel;
use aftersales_persistence::catalogue::{brands, categories};
use aftersales_persistence::{ConnectionTrait, StoreError};
use uuid::Uuid;

use crate::error::ApiError;

/// Checks the brand and category a model is filed under, when given: each must
/// exist and be active (retired ones get no new models). Reports every bad field.
pub(crate) async fn check_filing(
    db: &impl ConnectionTrait,
    brand_id: Option<Uuid>,
    category_id: Option<Uuid>,
) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    if let Some(id) = brand_id {
        match brands::find(db, id).await {
            Ok(brand) if brand.active => {}
            Ok(_) => errors.push(FieldError::new("brand_id", "inactive_brand", "the brand is inactive")),
            Err(StoreError::NotFound) => {
                errors.push(FieldError::new("brand_id", "unknown_brand", "there is no brand with this id"));
            }
            Err(e) => return Err(e.into()),
        }
    }
    if let Some(id) = category_id {
        match categories::find(db, id).await {
            Ok(category) if category.active => {}
            Ok(_) => errors.push(FieldError::new("category_id", "inactive_category", "the category is inactive")),
            Err(StoreError::NotFound) => {
                errors.push(FieldError::new("category_id", "unknown_category", "there is no category with this id"));
            }
            Err(e) => return Err(e.into()),
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(ApiError::Validation(errors)) }
}

/// The keyset cursor of a model: SKU and id. Normalised SKUs hold no spaces, so a
/// space separates them.
pub(crate) fn cursor_key(model: &ProductModel) -> String {
    format!("{} {}", model.sku, model.id)
}

/// Reads a decoded cursor back; anything this API did not write is a field error.
pub(crate) fn parse_cursor(decoded: Option<String>) -> Result<Option<(String, Uuid)>, ApiError> {
    let Some(decoded) = decoded else { return Ok(None) };
    decoded
        .split_once(' ')
        .and_then(|(sku, id)| Uuid::parse_str(id).ok().map(|id| (sku.to_owned(), id)))
        .map(Some)
        .ok_or_else(|| ApiError::field("cursor", "invalid_cursor", "is not a cursor this API gave out"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_reads_back_and_a_forged_one_is_refused() {
        let id = Uuid::from_u128(7);
        assert_eq!(parse_cursor(Some(format!("FTKB25WVMV {id}"))).ok().flatten(), Some(("FTKB25WVMV".into(), id)));
        assert!(parse_cursor(Some("FTKB25WVMV".into())).is_err());
        assert!(parse_cursor(Some("A not-a-uuid".into())).is_err());
    }
}
