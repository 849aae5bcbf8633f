//! Brands: manufacturers of the products the company services.
pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod update;

use aftersales_domain::regional::is_country;

use crate::error::ApiError;

/// A country code of the right shape that names no country is a field error.
pub(crate) fn check_country(country: Option<&str>) -> Result<(), ApiError> {
    match country {
        Some(code) if !is_country(code) => Err(ApiError::field(
            "country",
            "unknown_country",
            format!("'{code}' is not an ISO 3166-1 alpha-2 country code such as VN"),
        )),
        _ => Ok(()),
    }
}
