//! Webhooks: the events a partner can subscribe an endpoint to, how a message is
//! signed (the Standard Webhooks scheme, <https://www.standardwebhooks.com>), when
//! a failed delivery is tried again, and when an endpoint that keeps failing is
//! switched off.
//!
//! A message is sent with three headers: `webhook-id` (the event's id, the same
//! on every retry, so a receiver can drop a repeat), `webhook-timestamp` (Unix
//! seconds of this attempt) and `webhook-signature`: `v1,<base64 HMAC-SHA256 of
//! "id.timestamp.body">`, one per secret in force, separated by spaces.
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::tickets::{StageCategory, StageChange, named_enum};

named_enum!(
    /// What a partner's endpoint can be told about.
    WebhookEvent {
        /// A ticket of the partner was taken in.
        TicketCreated = "ticket.created",
        /// The ticket moved to another stage of its workflow.
        TicketStageChanged = "ticket.stage_changed",
        /// The work is done (the ticket reached a stage of the completed category).
        TicketCompleted = "ticket.completed",
        /// The ticket was closed.
        TicketClosed = "ticket.closed",
        /// A technician or a contracted shop was put on the ticket.
        TicketAssigned = "ticket.assigned",
        /// A sold unit was registered, so its warranty runs.
        WarrantyRegistered = "warranty.registered",
        /// A platform's order moved in its lifecycle.
        OrderStatusChanged = "order.status_changed",
        /// A return or exchange asked for on an order was decided.
        ReturnDecided = "return.decided",
        /// A test message sent on request; never subscribed to.
        Ping = "webhook.ping",
    }
);

impl WebhookEvent {
    /// The events an endpoint may subscribe to (all but the ping).
    pub fn subscribable() -> impl Iterator<Item = WebhookEvent> {
        WebhookEvent::ALL.iter().copied().filter(|e| *e != WebhookEvent::Ping)
    }
}

/// What a partner is told when its ticket moves: always the stage change; also
/// that the work is done when it comes into a done stage from the work, and that
/// the ticket is closed when it comes into a closed stage.
pub fn events_of_stage_change(change: &StageChange) -> Vec<WebhookEvent> {
    let mut events = vec![WebhookEvent::TicketStageChanged];
    if change.completes_the_work() {
        events.push(WebhookEvent::TicketCompleted);
    }
    if change.to_category == StageCategory::Closed && change.from_category != StageCategory::Closed {
        events.push(WebhookEvent::TicketClosed);
    }
    events
}

/// Why a subscription is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventRefusal {
    Empty,
    Unknown(String),
}

/// The events asked for: at least one, each known and subscribable, duplicates
/// dropped, in the canonical order.
pub fn check_events(asked: &[String]) -> Result<Vec<WebhookEvent>, EventRefusal> {
    if asked.is_empty() {
        return Err(EventRefusal::Empty);
    }
    let mut events = Vec::with_capacity(asked.len());
    for name in asked {
        match WebhookEvent::parse(name.trim()) {
            Some(event) if event != WebhookEvent::Ping => events.push(event),
            _ => return Err(EventRefusal::Unknown(name.clone())),
        }
    }
    events.sort();
    events.dedup();
    Ok(events)
}

/// The longest endpoint address accepted.
pub const URL_MAX: usize = 500;

/// Whether `url` can be posted to: `http://` or `https://`, a host, no spaces.
/// (Plain http is allowed: a shop's receiver on its own network may not have a
/// certificate; the signature, not the transport, proves who sent a message.)
pub fn url_is_usable(url: &str) -> bool {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    let Some(rest) = rest else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    url.chars().count() <= URL_MAX
        && !host.is_empty()
        && !host.starts_with(':')
        && brackets_are_an_ipv6_address(host.rsplit('@').next().unwrap_or_default())
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// `[…]` in a host is only ever an IPv6 address (`http://[::1]:8080`); any other
/// bracket makes an address no HTTP client can parse.
fn brackets_are_an_ipv6_address(host: &str) -> bool {
    match host.strip_prefix('[') {
        Some(inner) => inner.split_once(']').is_some_and(|(ip, port)| {
            ip.parse::<std::net::Ipv6Addr>().is_ok()
                && (port.is_empty() || port.starts_with(':'))
                && !port.contains(['[', ']'])
        }),
        None => !host.contains(['[', ']']),
    }
}

/// The literal a secret's text starts with.
pub const SECRET_START: &str = "whsec_";
/// Bytes of a secret (the scheme asks for 24 to 64).
pub const SECRET_BYTES: usize = 32;

/// The key an endpoint's messages are signed with; shown to the partner as
/// `whsec_<base64>`.
#[derive(Clone, PartialEq, Eq)]
pub struct WebhookSecret(Vec<u8>);

impl std::fmt::Debug for WebhookSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WebhookSecret(…)")
    }
}

impl WebhookSecret {
    /// A secret from random bytes the caller drew.
    pub fn from_random(bytes: [u8; SECRET_BYTES]) -> Self {
        WebhookSecret(bytes.to_vec())
    }

    /// `whsec_` and the base64 of 24 to 64 bytes.
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = BASE64.decode(text.strip_prefix(SECRET_START)?).ok()?;
        (24..=64).contains(&bytes.len()).then_some(WebhookSecret(bytes))
    }

    pub fn to_text(&self) -> String {
        format!("{SECRET_START}{}", BASE64.encode(&self.0))
    }

    /// The MAC over one message: `id.timestamp.body` (HMAC takes a key of any
    /// length, so this is never `None`).
    fn mac(&self, id: &str, timestamp: i64, body: &str) -> Option<Hmac<Sha256>> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).ok()?;
        mac.update(format!("{id}.{timestamp}.").as_bytes());
        mac.update(body.as_bytes());
        Some(mac)
    }

    /// `v1,<base64 signature>` of one message.
    fn signature(&self, id: &str, timestamp: i64, body: &str) -> Option<String> {
        let mac = self.mac(id, timestamp, body)?;
        Some(format!("v1,{}", BASE64.encode(mac.finalize().into_bytes())))
    }
}

/// How long the secret before a rotation still signs, so a receiver can switch
/// to the new one without dropping messages.
pub const ROTATION_OVERLAP: Duration = Duration::hours(24);

/// The `webhook-signature` header: a signature by each secret in force.
pub fn signature_header(secrets: &[&WebhookSecret], id: &str, timestamp: i64, body: &str) -> String {
    secrets.iter().filter_map(|s| s.signature(id, timestamp, body)).collect::<Vec<_>>().join(" ")
}

/// Whether any `v1` signature in `header` is `secret`'s over this message: what
/// a receiver checks (compared in constant time).
pub fn verify(secret: &WebhookSecret, header: &str, id: &str, timestamp: i64, body: &str) -> bool {
    let Some(mac) = secret.mac(id, timestamp, body) else { return false };
    header
        .split(' ')
        .filter_map(|s| s.strip_prefix("v1,"))
        .filter_map(|s| BASE64.decode(s).ok())
        .any(|given| mac.clone().verify_slice(&given).is_ok())
}

/// The waits after each failed attempt (the Standard Webhooks schedule): 5 s,
/// 5 min, 30 min, 2 h, 5 h, 10 h, 10 h; after the eighth failure, about 27½
/// hours after the event, the delivery is given up.
const RETRY_WAITS_SECONDS: [i64; 7] = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600];

/// How long to wait before the next attempt after `failures` failed ones
/// (1 after the first); `None` once the schedule is spent.
pub fn retry_wait(failures: u32) -> Option<Duration> {
    let index = usize::try_from(failures).ok()?.checked_sub(1)?;
    RETRY_WAITS_SECONDS.get(index).map(|s| Duration::seconds(*s))
}

/// Whether a reply means the message was taken: any 2xx status.
pub fn accepted(status: u16) -> bool {
    (200..300).contains(&status)
}

/// An endpoint that has failed every attempt for this long is switched off:
/// nobody is reading it, and its deliveries only pile up.
pub const DISABLE_AFTER: Duration = Duration::days(5);

/// Whether an endpoint failing since `failing_since` is to be switched off now.
pub fn should_disable(failing_since: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    failing_since.is_some_and(|since| now - since >= DISABLE_AFTER)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn secret(seed: u8) -> WebhookSecret {
        WebhookSecret::from_random([seed; SECRET_BYTES])
    }

    #[test]
    fn the_schemes_published_example_verifies() {
        // From the Standard Webhooks specification's test vectors.
        let secret = WebhookSecret::parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap_or_else(|| secret(0));
        let body = r#"{"test": 2432232314}"#;
        let header = signature_header(&[&secret], "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body);
        assert_eq!(header, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    #[test]
    fn the_retry_schedule_lasts_more_than_a_day_then_gives_up() {
        assert_eq!(retry_wait(0), None);
        assert_eq!(retry_wait(1), Some(Duration::seconds(5)));
        let total: Duration = (1..=7).filter_map(retry_wait).sum();
        assert!(total >= Duration::hours(24), "{total}");
        assert_eq!(retry_wait(8), None);
    }

    #[test]
    fn only_known_subscribable_events_are_accepted() {
        let asked = ["ticket.closed", "ticket.created", "ticket.closed"].map(String::from);
        assert_eq!(check_events(&asked), Ok(vec![WebhookEvent::TicketCreated, WebhookEvent::TicketClosed]));
        assert_eq!(check_events(&[]), Err(EventRefusal::Empty));
        assert_eq!(check_events(&["webhook.ping".into()]), Err(EventRefusal::Unknown("webhook.ping".into())));
        assert_eq!(check_events(&["ticket.eaten".into()]), Err(EventRefusal::Unknown("ticket.eaten".into())));
    }

    #[test]
    fn a_stage_change_tells_of_completion_and_closing_once() {
        let change = |from, to| StageChange { from: "a".into(), from_category: from, to: "b".into(), to_category: to };
        use StageCategory::*;
        assert_eq!(events_of_stage_change(&change(Open, InProgress)), [WebhookEvent::TicketStageChanged]);
        assert_eq!(
            events_of_stage_change(&change(InProgress, Done)),
            [WebhookEvent::TicketStageChanged, WebhookEvent::TicketCompleted]
        );
        assert_eq!(events_of_stage_change(&change(Done, Done)), [WebhookEvent::TicketStageChanged]);
        assert_eq!(
            events_of_stage_change(&change(Done, Closed)),
            [WebhookEvent::TicketStageChanged, WebhookEvent::TicketClosed]
        );
    }

    #[test]
    fn usable_urls() {
        for good in ["https://shop.example/hooks", "http://127.0.0.1:8080/in?x=1", "https://a"] {
            assert!(url_is_usable(good), "{good}");
        }
        for bad in ["ftp://x", "https://", "http:///path", "https://a b", "shop.example/hooks", "https://:80/"] {
            assert!(!url_is_usable(bad), "{bad}");
        }
    }

    #[test]
    fn an_endpoint_is_switched_off_after_five_days_of_failures() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        assert!(!should_disable(None, now));
        assert!(!should_disable(Some(now - Duration::days(4)), now));
        assert!(should_disable(Some(now - Duration::days(5)), now));
    }

    proptest! {
        #[test]
        fn a_signed_message_verifies_and_a_changed_one_does_not(
            seed in any::<u8>(), id in "[a-z0-9_]{1,30}", ts in 0i64..4_000_000_000, body in ".{0,200}", other in ".{0,200}"
        ) {
            let s = secret(seed);
            let header = signature_header(&[&s], &id, ts, &body);
            prop_assert!(verify(&s, &header, &id, ts, &body));
            prop_assert!(!verify(&s, &header, &id, ts + 1, &body));
            prop_assert_eq!(verify(&s, &header, &id, ts, &other), other == body);
            prop_assert!(!verify(&secret(seed.wrapping_add(1)), &header, &id, ts, &body));
        }

        #[test]
        fn during_a_rotation_either_secret_verifies(old in any::<u8>(), new in any::<u8>(), body in ".{0,100}") {
            let header = signature_header(&[&secret(new), &secret(old)], "evt_1", 1, &body);
            prop_assert!(verify(&secret(new), &header, "evt_1", 1, &body));
            prop_assert!(verify(&secret(old), &header, "evt_1", 1, &body));
        }

        #[test]
        fn a_secret_reads_back_from_its_text(seed in any::<u8>()) {
            let s = secret(seed);
            prop_assert_eq!(WebhookSecret::parse(&s.to_text()), Some(s));
        }

        #[test]
        fn waits_never_shrink(failures in 1u32..7) {
            prop_assert!(retry_wait(failures + 1) >= retry_wait(failures));
            prop_assert!(retry_wait(failures + 1).is_some());
        }
    }
}
