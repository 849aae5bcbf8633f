//! Who is calling and what they may do.
pub mod jwt;
pub mod passwords;
pub mod principal;
pub mod refresh;
pub mod throttle;

pub use principal::{Authenticated, Authorized, Principal, need};
