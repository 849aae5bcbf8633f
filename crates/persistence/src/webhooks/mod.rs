//! Webhooks: the partners' endpoints, and the outbox their events wait in.
pub mod endpoints;
pub mod outbox;

pub use endpoints::{EndpointChanges, NewEndpoint, WebhookEndpoint};
pub use outbox::{Attempt, Claimed, Delivery, DeliveryStatus, NewEvent, Outcome};
