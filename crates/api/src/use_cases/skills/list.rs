//! The skills catalogue, by code.
use aftersales_api_types::Page;
use aftersales_api_types::page::ListQuery;
use aftersales_api_types::skills::SkillDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::{DatabaseConnection, skills};

use crate::auth::Principal;
use crate::dto;
use crate::error::ApiError;
use crate::pagination;

pub async fn list(db: &DatabaseConnection, me: &Principal, query: ListQuery) -> Result<Page<SkillDto>, ApiError> {
    me.require(Permission::ViewOrganisation)?;
    let limit = pagination::limit(query.limit);
    let rows = skills::list(db, pagination::decode_cursor(query.cursor.as_deref())?, limit).await?;
    Ok(pagination::page(rows, limit, |s| s.code.clone(), dto::skill_out))
}
