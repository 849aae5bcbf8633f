//! Pieces shared by the pages.

pub mod branch_switcher;
pub mod dispatch_warnings;
pub mod followup;
pub mod locale_switcher;
pub mod problem;
pub mod reauth;
pub mod screen;
pub mod shell;
pub mod table;
pub mod toast;
pub mod warranty_decision;
