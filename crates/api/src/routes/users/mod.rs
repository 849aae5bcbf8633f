//! `/api/v1/users`: the people who sign in, their roles and skills.
pub mod create;
pub mod get;
pub mod list;
pub mod update;
