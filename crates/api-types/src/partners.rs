//! Partners of the network and their API keys (`/api/v1/partners`).
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::patch::double_option;

/// What a partner is: a contracted `repair_shop`, an `ecommerce_platform`, a
/// `manufacturer` (its keys read its brands' warranty tickets) or a `dealer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "repair_shop"))]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    RepairShop,
    EcommercePlatform,
    Manufacturer,
    Dealer,
}

/// What an API key may do. A manufacturer's keys hold only `tickets:read`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "tickets:write"))]
pub enum ApiScope {
    #[serde(rename = "tickets:read")]
    TicketsRead,
    #[serde(rename = "tickets:write")]
    TicketsWrite,
    #[serde(rename = "serials:write")]
    SerialsWrite,
    #[serde(rename = "orders:write")]
    OrdersWrite,
    #[serde(rename = "webhooks:manage")]
    WebhooksManage,
}

impl ApiScope {
    pub const ALL: [ApiScope; 5] = [
        ApiScope::TicketsRead,
        ApiScope::TicketsWrite,
        ApiScope::SerialsWrite,
        ApiScope::OrdersWrite,
        ApiScope::WebhooksManage,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ApiScope::TicketsRead => "tickets:read",
            ApiScope::TicketsWrite => "tickets:write",
            ApiScope::SerialsWrite => "serials:write",
            ApiScope::OrdersWrite => "orders:write",
            ApiScope::WebhooksManage => "webhooks:manage",
        }
    }
}

impl PartnerKind {
    pub const ALL: [PartnerKind; 4] =
        [PartnerKind::RepairShop, PartnerKind::EcommercePlatform, PartnerKind::Manufacturer, PartnerKind::Dealer];

    pub fn as_str(self) -> &'static str {
        match self {
            PartnerKind::RepairShop => "repair_shop",
            PartnerKind::EcommercePlatform => "ecommerce_platform",
            PartnerKind::Manufacturer => "manufacturer",
            PartnerKind::Dealer => "dealer",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-1234567890ab", "branch_id": "0193a4f2-7b1c-7cde-8f00-0000000000bb",
    "code": "SHOP-CG", "name": "Cầu Giấy Repair", "kind": "repair_shop", "active": true,
    "contact_name": "Trần Văn Bình", "contact_email": "binh@example.com", "contact_phone": "+84901234567",
    "brand_ids": [], "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "version": 1
})))]
pub struct PartnerDto {
    pub id: Uuid,
    pub branch_id: Uuid,
    pub code: String,
    pub name: String,
    pub kind: PartnerKind,
    pub active: bool,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    /// A manufacturer's brands (see `/api/v1/brands`).
    pub brand_ids: Vec<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Increases on every change; send it back as `If-Match` to update safely.
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "branch_id": "0193a4f2-7b1c-7cde-8f00-0000000000bb", "code": "SHOP-CG", "name": "Cầu Giấy Repair",
    "kind": "repair_shop", "contact_email": "binh@example.com"
})))]
#[serde(deny_unknown_fields)]
pub struct CreatePartner {
    /// The branch the partner works with; its keys take tickets in there.
    pub branch_id: Uuid,
    /// 2–32 upper-case letters, digits and `-`; unique.
    #[validate(length(min = 2, max = 32), custom(function = "crate::rules::code"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 32, pattern = r"^[A-Z0-9-]+$"))]
    pub code: String,
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"\S"))]
    pub name: String,
    pub kind: PartnerKind,
    #[serde(default)]
    #[validate(length(max = 120))]
    #[cfg_attr(feature = "openapi", schema(max_length = 120))]
    pub contact_name: Option<String>,
    #[serde(default)]
    #[validate(email, length(max = 200))]
    #[cfg_attr(feature = "openapi", schema(format = "email", max_length = 200))]
    pub contact_email: Option<String>,
    #[serde(default)]
    #[validate(custom(function = "crate::rules::phone"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 32, pattern = r"^\+?[0-9 ()-]{3,32}$"))]
    pub contact_phone: Option<String>,
    /// Only for a manufacturer: the brands whose warranty tickets its keys read.
    #[serde(default)]
    #[validate(length(max = 50))]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub brand_ids: Vec<Uuid>,
}

/// A partial update: absent fields stay as they are; `null` clears a contact field.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"name": "Cầu Giấy Repair Co.", "active": false})))]
#[serde(deny_unknown_fields)]
pub struct UpdatePartner {
    #[serde(default)]
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"\S"))]
    pub name: Option<String>,
    /// An inactive partner's keys are refused (401).
    #[serde(default)]
    pub active: Option<bool>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 120))]
    #[cfg_attr(feature = "openapi", schema(max_length = 120))]
    pub contact_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(email, length(max = 200))]
    #[cfg_attr(feature = "openapi", schema(format = "email", max_length = 200))]
    pub contact_email: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "crate::rules::phone"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 32, pattern = r"^\+?[0-9 ()-]{3,32}$"))]
    pub contact_phone: Option<Option<String>>,
    #[serde(default)]
    #[validate(length(max = 50))]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub brand_ids: Option<Vec<Uuid>>,
}

/// Filters for `GET /api/v1/partners`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct PartnerQuery {
    pub kind: Option<PartnerKind>,
    /// 1 to 200; 50 when absent.
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}

/// An API key as listed: its public prefix, never its secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-1234567890ac", "partner_id": "0193a4f2-7b1c-7cde-8f00-1234567890ab",
    "name": "Shop website", "prefix": "ask_live_1a2b3c4d", "scopes": ["tickets:read", "tickets:write"],
    "expires_at": null, "revoked_at": null, "last_used_at": "2026-01-02T08:00:00Z", "created_at": "2026-01-01T00:00:00Z"
})))]
pub struct ApiKeyDto {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub name: String,
    /// The public start of the key (`ask_live_<8 hex>`), to tell keys apart.
    pub prefix: String,
    pub scopes: Vec<ApiScope>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// When the key was last used, to the minute.
    pub last_used_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// A key just created, with its secret: shown this once, stored only hashed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "key": {"id": "0193a4f2-7b1c-7cde-8f00-1234567890ac", "partner_id": "0193a4f2-7b1c-7cde-8f00-1234567890ab",
        "name": "Shop website", "prefix": "ask_live_1a2b3c4d", "scopes": ["tickets:read"], "expires_at": null,
        "revoked_at": null, "last_used_at": null, "created_at": "2026-01-01T00:00:00Z"},
    "secret": "ask_live_1a2b3c4d_9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
})))]
pub struct CreatedApiKey {
    pub key: ApiKeyDto,
    /// The whole key, for `Authorization: Bearer …` or `X-Api-Key`. It cannot be read again.
    pub secret: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "name": "Shop website", "scopes": ["tickets:read", "tickets:write"], "expires_at": "2027-01-01T00:00:00Z"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateApiKey {
    /// What the key is for, to recognise it in the list.
    #[validate(length(min = 1, max = 120), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120, pattern = r"\S"))]
    pub name: String,
    /// At least one; a manufacturer's keys only `tickets:read`.
    #[validate(length(min = 1, max = 5))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 5))]
    pub scopes: Vec<ApiScope>,
    /// When the key stops working; never when absent. Must lie in the future.
    #[serde(default)]
    pub expires_at: Option<DateTime<Utc>>,
}

/// Gives a ticket to a contracted shop, or takes it back with `null`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"partner_id": "0193a4f2-7b1c-7cde-8f00-1234567890ab"})))]
#[serde(deny_unknown_fields)]
pub struct GiveTicketToPartner {
    /// A repair shop or dealer of your part of the network; `null` takes the ticket back.
    pub partner_id: Option<Uuid>,
}

/// Who a ticket belongs to among the partners.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "ticket_id": "0193a4f2-7b1c-7cde-8f00-1234567890ad", "partner_id": null,
    "service_partner_id": "0193a4f2-7b1c-7cde-8f00-1234567890ab", "version": 3
})))]
pub struct TicketPartners {
    pub ticket_id: Uuid,
    /// The partner whose key took the ticket in.
    pub partner_id: Option<Uuid>,
    /// The contracted shop the ticket was given to.
    pub service_partner_id: Option<Uuid>,
    /// The ticket's version after the change.
    pub version: i64,
}
