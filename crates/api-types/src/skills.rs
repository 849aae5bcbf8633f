use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

/// A technician skill, e.g. the product categories someone can repair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000cc01", "code": "air_conditioner", "name": "Air conditioners",
    "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "version": 1
})))]
pub struct SkillDto {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"code": "air_conditioner", "name": "Air conditioners"})))]
#[serde(deny_unknown_fields)]
pub struct CreateSkill {
    /// 2–32 characters: lower-case letters, digits, `_`; unique.
    #[validate(length(min = 2, max = 32), custom(function = "crate::rules::key"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 32, pattern = "^[a-z0-9_]+$"))]
    pub code: String,
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"[^\s\u0085]"))]
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"name": "Air conditioners and heat pumps"})))]
#[serde(deny_unknown_fields)]
pub struct UpdateSkill {
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"[^\s\u0085]"))]
    pub name: String,
}
