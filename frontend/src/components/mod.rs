//! Pieces shared by the pages.

pub mod problem;
pub mod shell;
pub mod table;
