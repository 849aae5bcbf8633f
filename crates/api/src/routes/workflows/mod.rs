//! `/api/v1/workflows` and `/api/v1/settings/tickets`: how tickets move, per kind,
//! and the desk's settings.
pub mod get;
pub mod list;
pub mod put;
pub mod settings;
