use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::users::Role;

/// Credentials for `POST /api/v1/auth/login`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"username": "admin", "password": "admin-demo-1"})))]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[validate(length(min = 1, max = 64))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub username: String,
    #[validate(length(min = 1, max = 256))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 256))]
    pub password: String,
}

/// A refresh token, for `refresh` and `logout`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"refresh_token": "rt_9QpX0m2sKc3n8Zt4yWv7aB1dE6fG5hJ0"})))]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    #[validate(length(min = 1, max = 256))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 256))]
    pub refresh_token: String,
}

/// A fresh pair of tokens. Send `access_token` as `Authorization: Bearer …`;
/// trade `refresh_token` for a new pair before `expires_in` seconds pass.
/// A refresh token works once: using a spent one signs out every session of its family.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMTkzIn0.sig",
    "token_type": "Bearer",
    "expires_in": 900,
    "refresh_token": "rt_9QpX0m2sKc3n8Zt4yWv7aB1dE6fG5hJ0",
    "user": {"id": "0193a4f2-7b1c-7cde-8f00-1234567890ab", "username": "admin", "display_name": "Demo Admin",
             "email": null, "phone": null, "branch_id": "0193a4f2-7b1c-7cde-8f00-0000000000aa",
             "roles": ["admin"], "skills": [], "locale": "en", "active": true,
             "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "version": 1}
})))]
pub struct TokenResponse {
    pub access_token: String,
    #[cfg_attr(feature = "openapi", schema(value_type = crate::vocab::TokenType))]
    pub token_type: String,
    pub expires_in: u64,
    pub refresh_token: String,
    pub user: crate::users::UserDto,
}

/// Claims of an access token (HS256 JWT).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessClaims {
    /// The user's id.
    pub sub: Uuid,
    pub iat: i64,
    pub exp: i64,
    pub roles: Vec<Role>,
    /// The user's branch id.
    pub branch: Uuid,
}

/// Something a user may do, granted by their roles. The server decides every request
/// by the same grant table; `GET /api/v1/auth/me` lists what the signed-in user is
/// granted, so a client offers only what will be allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "work_tickets"))]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    ManageBranches,
    ManageUsers,
    ViewOrganisation,
    ManageSkills,
    ReadAudit,
    ManageCatalogue,
    ViewCatalogue,
    ManageWarranty,
    ManageCustomers,
    ViewCustomers,
    ImportData,
    ViewTickets,
    ManageTickets,
    WorkTickets,
    DispatchTickets,
    HandleFollowUps,
    ConfigureTickets,
    ReopenTickets,
    ViewStock,
    MoveStock,
    ViewParts,
    ManageParts,
    ManagePartners,
    ManageWebhooks,
    ManageOrders,
}

impl Permission {
    /// Every permission, in the order of the enum.
    pub const ALL: [Permission; 25] = [
        Permission::ManageBranches,
        Permission::ManageUsers,
        Permission::ViewOrganisation,
        Permission::ManageSkills,
        Permission::ReadAudit,
        Permission::ManageCatalogue,
        Permission::ViewCatalogue,
        Permission::ManageWarranty,
        Permission::ManageCustomers,
        Permission::ViewCustomers,
        Permission::ImportData,
        Permission::ViewTickets,
        Permission::ManageTickets,
        Permission::WorkTickets,
        Permission::DispatchTickets,
        Permission::HandleFollowUps,
        Permission::ConfigureTickets,
        Permission::ReopenTickets,
        Permission::ViewStock,
        Permission::MoveStock,
        Permission::ViewParts,
        Permission::ManageParts,
        Permission::ManagePartners,
        Permission::ManageWebhooks,
        Permission::ManageOrders,
    ];
}

/// The signed-in user (`GET /api/v1/auth/me`): the user's fields, and what their
/// roles allow them to do now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-1234567890ab", "username": "tech.hn01", "display_name": "Nguyễn Văn An",
    "email": "an@example.com", "phone": "+84901234567", "branch_id": "0193a4f2-7b1c-7cde-8f00-0000000000bb",
    "roles": ["technician"], "skills": ["air_conditioner"], "locale": "vi", "active": true,
    "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "version": 1,
    "permissions": ["view_catalogue", "view_customers", "view_tickets", "work_tickets", "view_stock", "view_parts"]
})))]
pub struct MeDto {
    #[serde(flatten)]
    pub user: crate::users::UserDto,
    /// Everything the user's roles grant, each once, in a fixed order.
    pub permissions: Vec<Permission>,
}
