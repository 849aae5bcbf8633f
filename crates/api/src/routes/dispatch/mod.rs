//! `/api/v1/dispatch-board`: who goes where, one branch and one day at a time.
pub mod board;
