//! `/api/v1/auth`: sign in, refresh, sign out, who am I.
pub mod login;
pub mod logout;
pub mod me;
pub mod refresh;
