//! `/api/v1/skills`: the catalogue of technician skills.
pub mod create;
pub mod delete;
pub mod list;
pub mod update;
