//! What needs attention now, for the dashboard.
pub mod summary;
