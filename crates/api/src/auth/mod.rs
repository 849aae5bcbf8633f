//! Who is calling and what they may do.
pub mod api_keys;
pub mod jwt;
pub mod passwords;
pub mod principal;
pub mod refresh;
pub mod throttle;

pub use api_keys::StaffOrPartner;
pub use principal::{Authenticated, Authorized, PartnerCaller, Principal, need};
