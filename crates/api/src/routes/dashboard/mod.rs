//! `/api/v1/dashboard`: what needs attention now.
pub mod summary;
