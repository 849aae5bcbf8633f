//! Change a brand's name, country or whether it is active (its code stays).
use aftersales_api_types::catalogue::{BrandDto, UpdateBrand};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::brands::{self, BrandChanges};
use uuid::Uuid;

use super::check_country;
use crate::dto::brand_out;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::catalogue::BRAND;
use crate::use_cases::{Actor, Work};

/// `expected` is the version the client read (412 if the brand changed since).
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    body: UpdateBrand,
    expected: Option<i64>,
) -> Result<BrandDto, ApiError> {
    actor.me.require(Permission::ManageCatalogue)?;
    check_country(body.country.as_ref().and_then(Option::as_deref))?;
    let work = Work::begin(db, actor).await?;
    let current = brands::find(work.db(), id).await.or_not_found("brand")?;
    let changes =
        BrandChanges { name: body.name.map(|n| n.trim().to_owned()), country: body.country, active: body.active };
    let updated = brands::update(work.db(), &current, expected, changes, work.now()).await?;
    let out = brand_out(&updated);
    BRAND.updated(&work, updated.id.uuid(), &brand_out(&current), &out).await?;
    work.commit().await?;
    Ok(out)
}
