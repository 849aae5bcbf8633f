//! Shared by the `/branches` use cases.
use aftersales_api_types::FieldError;
use aftersales_domain::regional::{is_currency, is_time_zone};

/// Field errors for a time zone and currency, when given.
pub(crate) fn regional_errors(time_zone: Option<&str>, currency: Option<&str>) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if let Some(tz) = time_zone.filter(|tz| !is_time_zone(tz)) {
        errors.push(FieldError::new(
            "time_zone",
            "unknown_time_zone",
            format!("'{tz}' is not an IANA time zone such as Asia/Ho_Chi_Minh"),
        ));
    }
    if let Some(c) = currency.filter(|c| !is_currency(c)) {
        errors.push(FieldError::new(
            "currency",
            "unknown_currency",
            format!("'{c}' is not an ISO 4217 currency code such as VND"),
        ));
    }
    errors
}
