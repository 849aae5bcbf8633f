//! Change a category; a new parent moves it with everything below it (its code stays).
use aftersales_api_types::catalogue::{CategoryDto, UpdateCategory};
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use aftersales_persistence::catalogue::categories::{self, CategoryChanges};
use uuid::Uuid;

use super::check_new_parent;
use crate::dto::category_out;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::catalogue::CATEGORY;
use crate::use_cases::{Actor, Work};

/// `expected` is the version the client read (412 if the category changed since);
/// 409 when the move would put the category below itself or make the tree too deep.
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    body: UpdateCategory,
    expected: Option<i64>,
) -> Result<CategoryDto, ApiError> {
    actor.me.require(Permission::ManageCatalogue)?;
    let work = Work::begin(db, actor).await?;
    let current = categories::find(work.db(), id).await.or_not_found("category")?;
    if let Some(Some(parent_id)) = body.parent_id
        && Some(parent_id) != current.parent_id.map(uuid::Uuid::from)
    {
        check_new_parent(work.db(), current.id.uuid(), parent_id).await?;
    }
    let changes = CategoryChanges {
        name: body.name.map(|n| n.trim().to_owned()),
        parent_id: body.parent_id,
        active: body.active,
    };
    let updated = categories::update(work.db(), &current, expected, changes, work.now()).await?;
    let out = category_out(&updated);
    CATEGORY.updated(&work, updated.id.uuid(), &category_out(&current), &out).await?;
    work.commit().await?;
    Ok(out)
}
