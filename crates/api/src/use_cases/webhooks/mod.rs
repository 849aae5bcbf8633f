//! Webhooks: partners' endpoints (subscribe, change, rotate the secret, ping),
//! their delivery log and replay, the one place changes become events
//! ([`publish`]), and the background delivery of the outbox ([`dispatch`]).
//!
//! An admin manages any partner's endpoints within their part of the network; a
//! partner's key with `webhooks:manage` manages its own partner's.
mod access;
pub mod deliveries;
pub mod dispatch;
pub mod endpoint_create;
pub mod endpoint_list;
pub mod endpoint_ping;
pub mod endpoint_rotate;
pub mod endpoint_update;
mod out;
pub mod publish;

pub use out::endpoint_out;
