//! The product catalogue: brands, product categories (a shallow tree), product
//! models and their components. Company-wide: every branch sees the same catalogue.

use crate::ids::{BrandId, CategoryId, ComponentId, ModelId};
use chrono::{DateTime, Utc};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brand {
    pub id: BrandId,
    /// Upper-case short code, e.g. `DAIKIN`; unique.
    pub code: String,
    pub name: String,
    /// ISO 3166-1 alpha-2 country of the manufacturer.
    pub country: Option<String>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductCategory {
    pub id: CategoryId,
    /// Lower-case key, e.g. `air_conditioner`; unique.
    pub code: String,
    pub name: String,
    pub parent_id: Option<CategoryId>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductModel {
    pub id: ModelId,
    pub brand_id: BrandId,
    pub category_id: CategoryId,
    /// Normalised with [`normalise_sku`]; unique per brand.
    pub sku: String,
    pub name: String,
    /// Whether a sale is followed by an installation visit (air conditioners, built-in ovens).
    pub needs_installation: bool,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// A sub-assembly of a model that can carry its own warranty (compressor, panel, motor).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    pub id: ComponentId,
    pub model_id: ModelId,
    /// Lower-case key, unique within the model.
    pub code: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// Manufacturers print SKUs in mixed case and people paste them with stray
/// spaces; one spelling per SKU keeps "unique per brand" meaningful.
pub fn normalise_sku(raw: &str) -> String {
    raw.trim().to_uppercase()
}

/// How many levels categories may nest (e.g. appliances → cooling → air conditioners).
/// Deeper trees make pickers and reports hard to read, and a bound keeps every
/// walk up or down the tree short.
pub const MAX_CATEGORY_DEPTH: usize = 3;

/// Why a category cannot be placed under a parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ParentError {
    #[error("a category cannot be placed under itself or under a category below it")]
    Cycle,
    #[error("categories nest at most {MAX_CATEGORY_DEPTH} levels deep")]
    TooDeep,
}

/// Checks that category `id` (new or existing) may sit under `parent`, given every
/// category's `(id, parent_id)`: no cycle, and the tree stays within
/// [`MAX_CATEGORY_DEPTH`] levels counting the categories below `id`.
pub fn check_parent(links: &[(Uuid, Option<Uuid>)], id: Uuid, parent: Uuid) -> Result<(), ParentError> {
    let parent_of = |child: Uuid| links.iter().find(|(c, _)| *c == child).and_then(|(_, p)| *p);
    // Levels from the top of the tree down to `parent`, inclusive.
    let mut levels_to_parent = 0;
    let mut cursor = Some(parent);
    while let Some(current) = cursor {
        // More steps than categories means the stored tree already loops.
        if current == id || levels_to_parent > links.len() {
            return Err(ParentError::Cycle);
        }
        levels_to_parent += 1;
        cursor = parent_of(current);
    }
    if levels_to_parent + subtree_height(links, id) > MAX_CATEGORY_DEPTH {
        return Err(ParentError::TooDeep);
    }
    Ok(())
}

/// Levels in the subtree rooted at `id`: 1 for a category with nothing below it.
fn subtree_height(links: &[(Uuid, Option<Uuid>)], id: Uuid) -> usize {
    let mut level = vec![id];
    let mut height = 0;
    while !level.is_empty() && height <= links.len() {
        height += 1;
        level = links.iter().filter(|(_, p)| p.is_some_and(|p| level.contains(&p))).map(|(c, _)| *c).collect();
    }
    height
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    /// 1 → 2 → 3, and 4 alone.
    fn chain() -> Vec<(Uuid, Option<Uuid>)> {
        vec![(id(1), None), (id(2), Some(id(1))), (id(3), Some(id(2))), (id(4), None)]
    }

    #[test]
    fn skus_are_trimmed_and_upper_cased() {
        assert_eq!(normalise_sku("  ftkb25wvmv "), "FTKB25WVMV");
        assert_eq!(normalise_sku("RT38/SV"), "RT38/SV");
    }

    #[test]
    fn a_category_cannot_go_under_itself_or_a_descendant() {
        assert_eq!(check_parent(&chain(), id(1), id(1)), Err(ParentError::Cycle));
        assert_eq!(check_parent(&chain(), id(1), id(3)), Err(ParentError::Cycle));
        assert_eq!(check_parent(&chain(), id(2), id(3)), Err(ParentError::Cycle));
    }

    #[test]
    fn the_tree_stays_shallow() {
        // A new category under the third level would be a fourth.
        assert_eq!(check_parent(&chain(), id(9), id(3)), Err(ParentError::TooDeep));
        assert_eq!(check_parent(&chain(), id(9), id(2)), Ok(()));
        // Moving 1 (three levels with what is below it) under 4 makes four.
        assert_eq!(check_parent(&chain(), id(1), id(4)), Err(ParentError::TooDeep));
        assert_eq!(check_parent(&chain(), id(4), id(2)), Ok(()));
    }

    #[test]
    fn a_loop_already_stored_is_reported_not_followed_forever() {
        let looped = vec![(id(1), Some(id(2))), (id(2), Some(id(1)))];
        assert_eq!(check_parent(&looped, id(9), id(1)), Err(ParentError::Cycle));
    }
}
