//! Customers: individuals and companies, with their phones, e-mails and addresses.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::patch::double_option;
use crate::users::Locale;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "individual"))]
#[serde(rename_all = "snake_case")]
pub enum CustomerKind {
    Individual,
    Company,
}

/// How the customer first came to the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "walk_in"))]
#[serde(rename_all = "snake_case")]
pub enum CustomerSource {
    #[default]
    WalkIn,
    Phone,
    Partner,
    Web,
    Ecommerce,
}

/// A phone number as stored: as given, and normalized for comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"number": "+84 912-345-678", "normalized": "+84912345678", "label": "mobile"})))]
pub struct PhoneDto {
    pub number: String,
    /// ASCII digits, with `+` for an international number: what duplicates are found by.
    pub normalized: String,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub label: Option<String>,
}

/// A phone number to store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"number": "+84 912-345-678", "label": "mobile"})))]
#[serde(deny_unknown_fields)]
pub struct PhoneInput {
    /// 5 to 20 digits in any of ASCII, Persian or Arabic-Indic, with spaces, `-`,
    /// `.`, `(`, `)` and an optional leading `+` (`00` is read as `+`).
    #[validate(length(min = 1, max = 32), custom(function = "crate::rules::phone_number"))]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 5, max_length = 32, pattern = r"^\+?[0-9۰-۹٠-٩０-９][0-9۰-۹٠-٩０-９ ().-]{4,31}$")
    )]
    pub number: String,
    #[serde(default)]
    #[validate(length(min = 1, max = 40), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 40, pattern = r"[^\s\u0085]"))]
    pub label: Option<String>,
}

/// An e-mail address; stored lower-case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"address": "duc.nguyen@example.vn", "label": "work"})))]
#[serde(deny_unknown_fields)]
pub struct EmailDto {
    #[validate(email, length(max = 254))]
    #[cfg_attr(feature = "openapi", schema(format = "email", max_length = 254))]
    pub address: String,
    #[serde(default)]
    #[validate(length(min = 1, max = 40), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 40, pattern = r"[^\s\u0085]"))]
    pub label: Option<String>,
}

/// A postal address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "label": "home", "line1": "12 Trần Duy Hưng", "line2": null, "district": "Cầu Giấy", "city": "Hà Nội",
    "province": null, "postal_code": "100000", "country": "VN"
})))]
#[serde(deny_unknown_fields)]
pub struct AddressDto {
    #[serde(default)]
    #[validate(length(min = 1, max = 40), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 40, pattern = r"[^\s\u0085]"))]
    pub label: Option<String>,
    #[validate(length(min = 1, max = 200), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, pattern = r"[^\s\u0085]"))]
    pub line1: String,
    #[serde(default)]
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub line2: Option<String>,
    #[serde(default)]
    #[validate(length(max = 100))]
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub district: Option<String>,
    #[serde(default)]
    #[validate(length(max = 100))]
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub city: Option<String>,
    #[serde(default)]
    #[validate(length(max = 100))]
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub province: Option<String>,
    #[serde(default)]
    #[validate(length(max = 20))]
    #[cfg_attr(feature = "openapi", schema(max_length = 20))]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2, e.g. `VN`, `IR`, `CN`.
    #[validate(custom(function = "crate::rules::country"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 2, pattern = "^[A-Z]{2}$"))]
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-00000000c001", "branch_id": "0193a4f2-7b1c-7cde-8f00-0000000000bb",
    "kind": "individual", "name": "Nguyễn Văn Đức", "tax_id": null, "locale": "vi", "source": "walk_in",
    "notes": "Prefers calls after 17:00",
    "phones": [{"number": "+84 912-345-678", "normalized": "+84912345678", "label": "mobile"}],
    "emails": [{"address": "duc.nguyen@example.vn", "label": null}],
    "addresses": [{"label": "home", "line1": "12 Trần Duy Hưng", "line2": null, "district": "Cầu Giấy",
                   "city": "Hà Nội", "province": null, "postal_code": "100000", "country": "VN"}],
    "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "version": 1
})))]
pub struct CustomerDto {
    pub id: Uuid,
    /// The branch the customer belongs to.
    pub branch_id: Uuid,
    pub kind: CustomerKind,
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub tax_id: Option<String>,
    /// The language to speak and write to the customer in.
    pub locale: Locale,
    pub source: CustomerSource,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub notes: Option<String>,
    pub phones: Vec<PhoneDto>,
    pub emails: Vec<EmailDto>,
    pub addresses: Vec<AddressDto>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Increases on every change; send it back as `If-Match` to update safely.
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "branch_id": "0193a4f2-7b1c-7cde-8f00-0000000000bb", "kind": "individual", "name": "Nguyễn Văn Đức",
    "locale": "vi", "source": "walk_in", "phones": [{"number": "+84 912-345-678", "label": "mobile"}],
    "emails": [{"address": "duc.nguyen@example.vn"}],
    "addresses": [{"line1": "12 Trần Duy Hưng", "district": "Cầu Giấy", "city": "Hà Nội", "country": "VN"}]
})))]
#[serde(deny_unknown_fields)]
pub struct CreateCustomer {
    /// Yours or one below yours.
    pub branch_id: Uuid,
    pub kind: CustomerKind,
    #[validate(length(min = 1, max = 200), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, pattern = r"[^\s\u0085]"))]
    pub name: String,
    /// Tax code or company registration number.
    #[serde(default)]
    #[validate(length(min = 1, max = 32), custom(function = "crate::rules::tax_id"))]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 32, pattern = r"^[A-Za-z0-9 ./-]*[A-Za-z0-9][A-Za-z0-9 ./-]*$")
    )]
    pub tax_id: Option<String>,
    #[serde(default)]
    pub locale: Locale,
    /// `walk_in` when absent.
    #[serde(default)]
    pub source: CustomerSource,
    #[serde(default)]
    #[validate(length(max = 2000))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub notes: Option<String>,
    /// 1 to 5, each number once.
    #[validate(length(min = 1, max = 5), nested)]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 5))]
    pub phones: Vec<PhoneInput>,
    /// Up to 5, each address once.
    #[serde(default)]
    #[validate(length(max = 5), nested)]
    #[cfg_attr(feature = "openapi", schema(max_items = 5))]
    pub emails: Vec<EmailDto>,
    #[serde(default)]
    #[validate(length(max = 5), nested)]
    #[cfg_attr(feature = "openapi", schema(max_items = 5))]
    pub addresses: Vec<AddressDto>,
    /// Create the customer even if another one of yours has one of these phone
    /// numbers or e-mail addresses (otherwise that is a 409 naming them).
    #[serde(default)]
    pub allow_duplicate: bool,
}

/// A partial update: absent fields stay as they are; `null` clears `tax_id` and
/// `notes`; a list of contacts replaces the one stored.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "name": "Nguyễn Văn Đức", "phones": [{"number": "0912 345 678", "label": "mobile"}], "notes": null
})))]
#[serde(deny_unknown_fields)]
pub struct UpdateCustomer {
    /// Moves the customer to another branch of yours.
    #[serde(default)]
    pub branch_id: Option<Uuid>,
    #[serde(default)]
    pub kind: Option<CustomerKind>,
    #[serde(default)]
    #[validate(length(min = 1, max = 200), custom(function = "crate::rules::not_blank"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, pattern = r"[^\s\u0085]"))]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(length(min = 1, max = 32), custom(function = "crate::rules::tax_id"))]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 32, pattern = r"^[A-Za-z0-9 ./-]*[A-Za-z0-9][A-Za-z0-9 ./-]*$")
    )]
    pub tax_id: Option<Option<String>>,
    #[serde(default)]
    pub locale: Option<Locale>,
    #[serde(default)]
    pub source: Option<CustomerSource>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 2000))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub notes: Option<Option<String>>,
    #[serde(default)]
    #[validate(length(min = 1, max = 5), nested)]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 5))]
    pub phones: Option<Vec<PhoneInput>>,
    #[serde(default)]
    #[validate(length(max = 5), nested)]
    #[cfg_attr(feature = "openapi", schema(max_items = 5))]
    pub emails: Option<Vec<EmailDto>>,
    #[serde(default)]
    #[validate(length(max = 5), nested)]
    #[cfg_attr(feature = "openapi", schema(max_items = 5))]
    pub addresses: Option<Vec<AddressDto>>,
    /// Save even if another customer of yours has one of the new phone numbers or
    /// e-mail addresses.
    #[serde(default)]
    pub allow_duplicate: bool,
}

/// Filters for `GET /api/v1/customers`; newest first.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct CustomerQuery {
    /// Part of the name, tax id, an e-mail or a phone number. Case, Vietnamese
    /// diacritics, Arabic/Persian letter forms and the script of the digits do not
    /// matter: `nguyen van duc` finds "Nguyễn Văn Đức", `علي` finds "علی".
    #[validate(length(max = 100))]
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    /// Only customers of this branch (and not those below it).
    pub branch_id: Option<Uuid>,
    pub kind: Option<CustomerKind>,
    pub source: Option<CustomerSource>,
    /// 1 to 200; 50 when absent.
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}

/// What `GET /api/v1/customers/duplicates` looks for; at least one of the two.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct DuplicateQuery {
    /// A phone number in any format.
    #[validate(length(min = 1, max = 32), custom(function = "crate::rules::phone_number"))]
    #[cfg_attr(
        feature = "openapi",
        param(min_length = 5, max_length = 32, pattern = r"^\+?[0-9۰-۹٠-٩０-９][0-9۰-۹٠-٩０-９ ().-]{4,31}$")
    )]
    pub phone: Option<String>,
    #[validate(email, length(max = 254))]
    #[cfg_attr(feature = "openapi", param(format = "email", max_length = 254))]
    pub email: Option<String>,
}
