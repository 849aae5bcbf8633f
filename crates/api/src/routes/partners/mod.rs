//! `/api/v1/partners`: repair shops, e-commerce platforms, manufacturers and
//! dealers, and the API keys their systems call with. Admins only.
pub mod create;
pub mod get;
pub mod give_ticket;
pub mod key_create;
pub mod key_list;
pub mod key_revoke;
pub mod list;
pub mod update;
