//! Add a brand to the catalogue.
use aftersales_api_types::catalogue::{BrandDto, CreateBrand};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::brands;

use super::check_country;
use crate::dto::brand_out;
use crate::error::ApiError;
use crate::use_cases::catalogue::BRAND;
use crate::use_cases::{Actor, Work};

/// 409 when the code is taken.
pub async fn create(db: &DatabaseConnection, actor: &Actor, body: CreateBrand) -> Result<BrandDto, ApiError> {
    actor.me.require(Permission::ManageCatalogue)?;
    check_country(body.country.as_deref())?;
    let work = Work::begin(db, actor).await?;
    let new = brands::NewBrand { code: body.code, name: body.name.trim().to_owned(), country: body.country };
    let brand = brands::insert(work.db(), new, work.now()).await?;
    let out = brand_out(&brand);
    BRAND.created(&work, brand.id.uuid(), &out).await?;
    work.commit().await?;
    Ok(out)
}
