//! Partners' webhook endpoints and their delivery log (`/api/v1/webhooks`).
//!
//! Every message is a JSON object `{"type", "timestamp", "data"}` posted with the
//! Standard Webhooks headers `webhook-id`, `webhook-timestamp` and
//! `webhook-signature` (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">` under
//! the endpoint's secret). A receiver answers 2xx to accept; anything else, or
//! no answer in 15 seconds, is tried again after 5 s, 5 min, 30 min, 2 h, 5 h,
//! 10 h and 10 h.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::patch::double_option;
use crate::vocab::closed_set;

closed_set!(
    /// What an endpoint can subscribe to.
    #[derive(PartialOrd, Ord)]
    SubscribableEvent, "ticket.stage_changed" {
        /// A ticket of the partner was taken in.
        TicketCreated = "ticket.created",
        /// The ticket moved to another stage (`data.from_stage`, `data.to_stage`).
        TicketStageChanged = "ticket.stage_changed",
        /// The work is done.
        TicketCompleted = "ticket.completed",
        TicketClosed = "ticket.closed",
        /// A technician or a contracted shop was put on the ticket.
        TicketAssigned = "ticket.assigned",
        /// A sold unit of a manufacturer's brand was registered (`data.serial`).
        WarrantyRegistered = "warranty.registered",
        /// A platform's order moved in its lifecycle (`data.order`, `data.from_status`).
        OrderStatusChanged = "order.status_changed",
        /// A return or exchange was decided (`data.return`, `data.order`).
        ReturnDecided = "return.decided",
    }
);

closed_set!(
    /// What a message tells of: a subscribable event, or `webhook.ping`, the test
    /// message sent on request.
    #[derive(PartialOrd, Ord)]
    WebhookEventType, "ticket.stage_changed" {
        TicketCreated = "ticket.created",
        TicketStageChanged = "ticket.stage_changed",
        TicketCompleted = "ticket.completed",
        TicketClosed = "ticket.closed",
        TicketAssigned = "ticket.assigned",
        WarrantyRegistered = "warranty.registered",
        OrderStatusChanged = "order.status_changed",
        ReturnDecided = "return.decided",
        Ping = "webhook.ping",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-1234567890ad", "partner_id": "0193a4f2-7b1c-7cde-8f00-1234567890ab",
    "url": "https://shop.example/hooks/aftersales", "description": "Order status sync",
    "events": ["ticket.created", "ticket.stage_changed"], "active": true, "disabled_reason": null,
    "failing_since": null, "secret_rotated_until": null,
    "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "version": 1
})))]
pub struct WebhookEndpointDto {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub url: String,
    pub description: Option<String>,
    pub events: Vec<SubscribableEvent>,
    /// Off endpoints receive nothing; the system switches off one that has
    /// failed every attempt for five days.
    pub active: bool,
    pub disabled_reason: Option<String>,
    /// The first failed attempt since the last accepted one.
    pub failing_since: Option<DateTime<Utc>>,
    /// After a secret rotation, until when the previous secret still signs too.
    pub secret_rotated_until: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Increases on every change; send it back as `If-Match` to update safely.
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "url": "https://shop.example/hooks/aftersales", "events": ["ticket.created", "ticket.stage_changed"],
    "description": "Order status sync"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateWebhookEndpoint {
    /// Whose endpoint: required for staff; a partner's key creates its own.
    #[serde(default)]
    pub partner_id: Option<Uuid>,
    /// `http://` or `https://`, up to 500 characters.
    #[validate(length(min = 8, max = 500))]
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 8,
            max_length = 500,
            pattern = r"^https?://[^\s/?#:\x00-\x1f\x7f-\x9f][^\s\x00-\x1f\x7f-\x9f]*$"
        )
    )]
    pub url: String,
    /// At least one.
    #[validate(length(min = 1, max = 20))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 20))]
    pub events: Vec<SubscribableEvent>,
    #[serde(default)]
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub description: Option<String>,
}

/// A partial update: absent fields stay as they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"events": ["ticket.closed"], "active": true})))]
#[serde(deny_unknown_fields)]
pub struct UpdateWebhookEndpoint {
    #[serde(default)]
    #[validate(length(min = 8, max = 500))]
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 8,
            max_length = 500,
            pattern = r"^https?://[^\s/?#:\x00-\x1f\x7f-\x9f][^\s\x00-\x1f\x7f-\x9f]*$"
        )
    )]
    pub url: Option<String>,
    #[serde(default)]
    #[validate(length(min = 1, max = 20))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 20))]
    pub events: Option<Vec<SubscribableEvent>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub description: Option<Option<String>>,
    /// Switching an endpoint back on clears why it was off.
    #[serde(default)]
    pub active: Option<bool>,
}

/// An endpoint with its signing secret, shown when it is created or rotated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookEndpointWithSecret {
    pub endpoint: WebhookEndpointDto,
    /// `whsec_<base64>`: verify `webhook-signature` with it. It can be read
    /// again only by rotating it.
    #[cfg_attr(feature = "openapi", schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))]
    pub secret: String,
}

/// Filters for `GET /api/v1/webhooks`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct WebhookEndpointQuery {
    /// Whose endpoints; without it, staff get those of every partner in their
    /// part of the network, and a key its own partner's.
    pub partner_id: Option<Uuid>,
}

/// Where a delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    /// Waiting for its first or next attempt.
    Pending,
    /// A receiver accepted it (2xx).
    Delivered,
    /// Given up: the retries ran out or the endpoint was switched off. Replay sends it again.
    Failed,
}

/// One event on its way to one endpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a4f2-7b1c-7cde-8f00-1234567890ae", "event_id": "0193a4f2-7b1c-7cde-8f00-1234567890af",
    "endpoint_id": "0193a4f2-7b1c-7cde-8f00-1234567890ad", "event_type": "ticket.stage_changed",
    "status": "delivered", "attempts": 3, "next_attempt_at": "2026-01-01T00:05:05Z",
    "delivered_at": "2026-01-01T00:05:05Z", "last_status": 200, "last_error": null,
    "created_at": "2026-01-01T00:00:00Z"
})))]
pub struct WebhookDeliveryDto {
    pub id: Uuid,
    /// The message's `webhook-id`: the same on every attempt.
    pub event_id: Uuid,
    pub endpoint_id: Uuid,
    pub event_type: WebhookEventType,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
    /// The receiver's last HTTP status.
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// One call made to the receiver.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookAttemptDto {
    pub attempted_at: DateTime<Utc>,
    /// None when the receiver could not be reached.
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub duration_ms: i64,
    /// The start of the receiver's answer.
    pub response_body: Option<String>,
}

/// A delivery with the message sent and every attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookDeliveryDetail {
    pub delivery: WebhookDeliveryDto,
    /// The message body, exactly as signed and sent.
    pub payload: String,
    pub attempts: Vec<WebhookAttemptDto>,
}

/// Filters for an endpoint's delivery log.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct WebhookDeliveryQuery {
    pub status: Option<DeliveryStatus>,
    /// 1 to 200; 50 when absent.
    #[validate(range(min = 1, max = 200))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[validate(length(max = 200))]
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub cursor: Option<String>,
}
