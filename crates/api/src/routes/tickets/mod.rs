//! `/api/v1/tickets`: service tickets from intake to closing.
pub mod create;
pub mod dispatch;
pub mod get;
pub mod labour;
pub mod list;
pub mod next_steps;
pub mod parts;
pub mod reevaluate;
pub mod reopen;
pub mod timeline;
pub mod transition;
pub mod update;
