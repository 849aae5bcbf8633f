//! What the order screens point at — tickets, customers, orders, registered
//! units — as links named by what the API says of them (read once each).

use leptos::prelude::*;
use uuid::Uuid;

use crate::api;
use crate::i18n::t;
use crate::session::Session;

/// `/serials?serial=…`: the page of the unit with this serial.
pub fn serial_href(serial: &str) -> String {
    format!("/serials?serial={}", String::from(js_sys::encode_uri_component(serial)))
}

/// A link to a registered unit's page by its serial.
pub fn serial_link(serial: String, class: &'static str) -> impl IntoView {
    let href = serial_href(&serial);
    view! { <a class=class href=href><bdi dir="ltr">{serial}</bdi></a> }
}

/// A link to a ticket, named by its number once read (`…` until then, "open
/// ticket" if it cannot be read).
#[component]
pub fn TicketLink(session: Session, id: Uuid, class: &'static str) -> impl IntoView {
    let number = LocalResource::new(move || api::reference::ticket(session, id));
    let label = move || match number.get() {
        None => view! { <bdi dir="ltr">"…"</bdi> }.into_any(),
        Some(Ok(ticket)) => view! { <bdi dir="ltr" class="ticket-number">{ticket.number}</bdi> }.into_any(),
        Some(Err(_)) => view! { <span>{t("orders.open_ticket")}</span> }.into_any(),
    };
    view! { <a class=class href=format!("/tickets/{id}") data-id=id.to_string()>{label}</a> }
}

/// A link to a customer, named once read.
#[component]
pub fn CustomerLink(session: Session, id: Uuid) -> impl IntoView {
    let customer = LocalResource::new(move || api::reference::customer(session, id));
    let label = move || match customer.get() {
        None => "…".to_owned(),
        Some(Ok(c)) => c.name,
        Some(Err(_)) => id.to_string().chars().take(8).collect(),
    };
    view! { <a id="order-customer" href=format!("/customers/{id}")><bdi>{label}</bdi></a> }
}

/// A link to an order, named by its number once read.
#[component]
pub fn OrderLink(session: Session, id: Uuid) -> impl IntoView {
    let order = LocalResource::new(move || api::orders::get(session, id));
    let label = move || match order.get() {
        None => "…".to_owned(),
        Some(Ok(o)) => o.external_reference,
        Some(Err(_)) => id.to_string().chars().take(8).collect(),
    };
    view! { <a class="returned-order" href=format!("/orders/{id}")><bdi dir="ltr">{label}</bdi></a> }
}

/// A link to a registered unit known by its id, named by its serial once read.
#[component]
pub fn UnitLink(session: Session, id: Uuid, class: &'static str) -> impl IntoView {
    let unit = LocalResource::new(move || api::serials::get(session, id));
    move || match unit.get() {
        None => view! { <span class="muted">"…"</span> }.into_any(),
        Some(Ok(unit)) => serial_link(unit.serial, class).into_any(),
        Some(Err(_)) => view! { <span class=class>{id.to_string()}</span> }.into_any(),
    }
}

/// The unit a return/exchange ticket is about: its serial, read through the
/// ticket (a return does not name the unit it brought back).
#[component]
pub fn TicketUnit(session: Session, ticket_id: Uuid) -> impl IntoView {
    let serial = LocalResource::new(move || async move {
        let ticket = api::reference::ticket(session, ticket_id).await.ok()?;
        let unit = api::serials::get(session, ticket.serial_id?).await.ok()?;
        Some(unit.serial)
    });
    move || match serial.get() {
        None => view! { <span class="muted">"…"</span> }.into_any(),
        Some(Some(serial)) => serial_link(serial, "returned-serial").into_any(),
        Some(None) => view! { <span class="muted">"—"</span> }.into_any(),
    }
}
