//! The code lists of a product category: symptoms reported at intake, diagnoses and
//! resolutions recorded by the technician.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::StoreError;
use crate::entities::fault_codes::{Column, Entity};

pub const SYMPTOM: &str = "symptom";
pub const DIAGNOSIS: &str = "diagnosis";
pub const RESOLUTION: &str = "resolution";

/// Those of `codes` that are not active codes of this kind for the category.
pub async fn unknown_codes(
    db: &impl ConnectionTrait,
    kind: &str,
    category_id: Uuid,
    codes: &[String],
) -> Result<Vec<String>, StoreError> {
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    let known: Vec<String> = Entity::find()
        .select_only()
        .column(Column::Code)
        .filter(Column::Kind.eq(kind))
        .filter(Column::CategoryId.eq(category_id))
        .filter(Column::Active.eq(true))
        .filter(Column::Code.is_in(codes.to_vec()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(codes.iter().filter(|c| !known.contains(c)).cloned().collect())
}
