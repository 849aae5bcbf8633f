//! Add a product category, top-level or under another.
use actix_web::http::StatusCode;
use aftersales_api_types::catalogue::{CategoryDto, CreateCategory};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::categories;
use uuid::Uuid;

use super::check_new_parent;
use crate::dto::category_out;
use crate::error::ApiError;
use crate::use_cases::catalogue::CATEGORY;
use crate::use_cases::{Actor, Begun, Once, Work};

/// 409 when the code is taken or the tree would be too deep.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    body: CreateCategory,
) -> Result<Once<CategoryDto>, ApiError> {
    actor.me.require(Permission::ManageCatalogue)?;
    let id = Uuid::now_v7();
    let work = match Work::begin_retryable(db, actor, &body).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    if let Some(parent_id) = body.parent_id {
        check_new_parent(work.db(), id, parent_id).await?;
    }
    let new =
        categories::NewCategory { id, code: body.code, name: body.name.trim().to_owned(), parent_id: body.parent_id };
    let category = categories::insert(work.db(), new, work.now()).await?;
    let out = category_out(&category);
    CATEGORY.created(&work, id, &out).await?;
    work.finish(StatusCode::CREATED, out).await
}
