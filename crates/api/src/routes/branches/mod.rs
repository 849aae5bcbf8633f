//! `/api/v1/branches`: the service network's tree (HQ → regional centre → outlet).
pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod update;
