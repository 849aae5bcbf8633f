//! Endpoints and deliveries as the API shows them.
use aftersales_api_types::webhooks::{
    DeliveryStatus as WireStatus, SubscribableEvent, WebhookAttemptDto, WebhookDeliveryDto, WebhookEndpointDto,
    WebhookEventType,
};
use aftersales_domain::webhooks::{EventRefusal, WebhookEvent, check_events};
use aftersales_persistence::webhooks::{Attempt, Delivery, DeliveryStatus, WebhookEndpoint};
use chrono::{DateTime, Utc};

use crate::error::ApiError;

pub(super) fn event_wire(event: WebhookEvent) -> WebhookEventType {
    match event {
        WebhookEvent::TicketCreated => WebhookEventType::TicketCreated,
        WebhookEvent::TicketStageChanged => WebhookEventType::TicketStageChanged,
        WebhookEvent::TicketCompleted => WebhookEventType::TicketCompleted,
        WebhookEvent::TicketClosed => WebhookEventType::TicketClosed,
        WebhookEvent::TicketAssigned => WebhookEventType::TicketAssigned,
        WebhookEvent::WarrantyRegistered => WebhookEventType::WarrantyRegistered,
        WebhookEvent::OrderStatusChanged => WebhookEventType::OrderStatusChanged,
        WebhookEvent::ReturnDecided => WebhookEventType::ReturnDecided,
        WebhookEvent::Ping => WebhookEventType::Ping,
    }
}

/// An endpoint's subscription as the API names it (the ping is never one).
fn subscription_wire(event: WebhookEvent) -> Option<SubscribableEvent> {
    SubscribableEvent::parse(event.as_str())
}

/// The events asked for, checked (422 naming `events`).
pub(super) fn events_in(asked: &[SubscribableEvent]) -> Result<Vec<WebhookEvent>, ApiError> {
    let names: Vec<String> = asked.iter().map(|e| e.as_str().to_owned()).collect();
    check_events(&names).map_err(|refusal| match refusal {
        EventRefusal::Empty => ApiError::field("events", "empty", "subscribe to at least one event"),
        EventRefusal::Unknown(name) => {
            ApiError::field("events", "not_subscribable", format!("'{name}' cannot be subscribed to"))
        }
    })
}

/// A usable address (422 naming `url`).
pub(super) fn url_in(url: &str) -> Result<String, ApiError> {
    let url = url.trim();
    if !aftersales_domain::webhooks::url_is_usable(url) {
        return Err(ApiError::field("url", "not_http", "an http:// or https:// address with a host, without spaces"));
    }
    Ok(url.to_owned())
}

pub fn endpoint_out(e: &WebhookEndpoint, now: DateTime<Utc>) -> WebhookEndpointDto {
    WebhookEndpointDto {
        id: e.id,
        partner_id: e.partner_id,
        url: e.url.clone(),
        description: e.description.clone(),
        events: e.events.iter().copied().filter_map(subscription_wire).collect(),
        active: e.active,
        disabled_reason: e.disabled_reason.clone(),
        failing_since: e.failing_since,
        secret_rotated_until: e.previous_secret_until.filter(|until| now < *until),
        created_at: e.created_at,
        updated_at: e.updated_at,
        version: e.version,
    }
}

pub(super) fn delivery_out(d: &Delivery) -> WebhookDeliveryDto {
    WebhookDeliveryDto {
        id: d.id,
        event_id: d.event_id,
        endpoint_id: d.endpoint_id,
        event_type: WebhookEvent::parse(&d.event_type).map_or(WebhookEventType::Ping, event_wire),
        status: match d.status {
            DeliveryStatus::Pending => WireStatus::Pending,
            DeliveryStatus::Delivered => WireStatus::Delivered,
            DeliveryStatus::Failed => WireStatus::Failed,
        },
        attempts: d.attempts,
        next_attempt_at: d.next_attempt_at,
        delivered_at: d.delivered_at,
        last_status: d.last_status,
        last_error: d.last_error.clone(),
        created_at: d.created_at,
    }
}

pub(super) fn status_in(status: WireStatus) -> DeliveryStatus {
    match status {
        WireStatus::Pending => DeliveryStatus::Pending,
        WireStatus::Delivered => DeliveryStatus::Delivered,
        WireStatus::Failed => DeliveryStatus::Failed,
    }
}

pub(super) fn attempt_out(a: &Attempt) -> WebhookAttemptDto {
    WebhookAttemptDto {
        attempted_at: a.attempted_at,
        status_code: a.status_code,
        error: a.error.clone(),
        duration_ms: a.duration_ms,
        response_body: a.response_body.clone(),
    }
}
