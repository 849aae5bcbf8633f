//! After the work: the callback to the customer and complaints.
pub mod get_callback;
pub mod get_complaint;
pub mod list_callbacks;
pub mod list_complaints;
pub mod open_complaint;
pub mod record_callback;
pub mod resolve_complaint;
pub mod script;
