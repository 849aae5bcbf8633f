//! `/api/v1/webhooks`: partners' endpoints and their delivery log. Admins manage
//! any partner's; a partner's key with `webhooks:manage` its own.
pub mod deliveries;
pub mod endpoints;
pub mod secrets;
