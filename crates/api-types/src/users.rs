use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::patch::double_option;

/// What a user may do is decided by their roles (see `GET /api/v1/auth/me`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "technician"))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Manager,
    Clerk,
    Dispatcher,
    Technician,
    Warehouse,
    Finance,
}

/// Languages the web app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "vi"))]
#[serde(rename_all = "snake_case")]
pub enum Locale {
    #[default]
    En,
    Vi,
    Fa,
    Zh,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-1234567890ab", "username": "tech.hn01", "display_name": "Nguyễn Văn An",
    "email": "an@example.com", "phone": "+84901234567", "branch_id": "0193a4f2-7b1c-7cde-8f00-0000000000bb",
    "roles": ["technician"], "skills": ["air_conditioner"], "locale": "vi", "active": true,
    "partner_id": null, "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "version": 1
})))]
pub struct UserDto {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub email: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub phone: Option<String>,
    pub branch_id: Uuid,
    pub roles: BTreeSet<Role>,
    /// Codes of the skills the user has (see `/api/v1/skills`).
    pub skills: Vec<String>,
    pub locale: Locale,
    pub active: bool,
    /// The partner (a contracted shop, a platform) the user works for: they see
    /// only its tickets and orders.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub partner_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Increases on every change; send it back as `If-Match` to update safely.
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "username": "tech.hn01", "display_name": "Nguyễn Văn An", "email": "an@example.com",
    "phone": "+84901234567", "branch_id": "0193a4f2-7b1c-7cde-8f00-0000000000bb",
    "roles": ["technician"], "skills": ["air_conditioner"], "locale": "vi", "password": "a-long-secret-1"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateUser {
    /// 3–64 characters: lower-case letters, digits, `.`, `_`, `-`.
    #[validate(length(min = 3, max = 64), custom(function = "crate::rules::username"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 64, pattern = r"^[a-z0-9._-]+$"))]
    pub username: String,
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"[^\s\u0085]"))]
    pub display_name: String,
    #[serde(default)]
    #[validate(email, length(max = 254))]
    #[cfg_attr(feature = "openapi", schema(format = "email", max_length = 254))]
    pub email: Option<String>,
    #[serde(default)]
    #[validate(custom(function = "crate::rules::phone"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 32, pattern = r"^\+?[0-9 ()-]{3,32}$"))]
    pub phone: Option<String>,
    pub branch_id: Uuid,
    #[validate(length(min = 1, max = 7))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 7))]
    pub roles: BTreeSet<Role>,
    #[serde(default)]
    #[validate(length(max = 50))]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub skills: Vec<String>,
    #[serde(default)]
    pub locale: Locale,
    /// For a shop's or a platform's own staff: the partner they work for, of the
    /// same branch. They may hold only the clerk and technician roles, and see
    /// only the partner's tickets and orders.
    #[serde(default)]
    pub partner_id: Option<Uuid>,
    /// At least 10 characters.
    #[validate(length(min = 10, max = 256))]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 256))]
    pub password: String,
}

/// A partial update: absent fields stay as they are; `null` clears `email`/`phone`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"display_name": "Nguyễn Văn An", "roles": ["technician", "clerk"], "active": true})))]
#[serde(deny_unknown_fields)]
pub struct UpdateUser {
    #[serde(default)]
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"[^\s\u0085]"))]
    pub display_name: Option<String>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(email, length(max = 254))]
    #[cfg_attr(feature = "openapi", schema(format = "email", max_length = 254))]
    pub email: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "crate::rules::phone"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 32, pattern = r"^\+?[0-9 ()-]{3,32}$"))]
    pub phone: Option<Option<String>>,
    #[serde(default)]
    pub branch_id: Option<Uuid>,
    #[serde(default)]
    #[validate(length(min = 1, max = 7))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 7))]
    pub roles: Option<BTreeSet<Role>>,
    #[serde(default)]
    #[validate(length(max = 50))]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub skills: Option<Vec<String>>,
    #[serde(default)]
    pub locale: Option<Locale>,
    #[serde(default)]
    pub active: Option<bool>,
    #[serde(default)]
    #[validate(length(min = 10, max = 256))]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 256))]
    pub password: Option<String>,
}

/// Filters for `GET /api/v1/users`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct UserQuery {
    /// Only users of this branch (and not those below it).
    pub branch_id: Option<Uuid>,
    pub role: Option<Role>,
    pub active: Option<bool>,
    /// Matches username or display name.
    #[validate(length(max = 100))]
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    /// 1 to 200; 50 when absent.
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}
