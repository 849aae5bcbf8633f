//! Add a brand to the catalogue.
use actix_web::http::StatusCode;
use aftersales_api_types::catalogue::{BrandDto, CreateBrand};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::brands;

use super::check_country;
use crate::dto::brand_out;
use crate::error::ApiError;
use crate::use_cases::catalogue::BRAND;
use crate::use_cases::{Actor, Begun, Once, Work};

/// 409 when the code is taken.
pub async fn create(db: &DatabaseConnection, actor: &Actor, body: CreateBrand) -> Result<Once<BrandDto>, ApiError> {
    actor.me.require(Permission::ManageCatalogue)?;
    check_country(body.country.as_deref())?;
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let new = brands::NewBrand { code: body.code, name: body.name.trim().to_owned(), country: body.country };
    let brand = brands::insert(work.db(), new, work.now()).await?;
    let out = brand_out(&brand);
    BRAND.created(&work, brand.id.uuid(), &out).await?;
    work.finish(StatusCode::CREATED, out).await
}
