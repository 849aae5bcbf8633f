//! The ticket's timeline (`GET /tickets/{id}/timeline`), newest first: who, when,
//! and what happened, in words. It reads again after every change on the page.

use aftersales_api_types::orders::ReturnOutcome;
use aftersales_api_types::tickets::TicketEventDto;
use leptos::prelude::*;
use uuid::Uuid;

use super::TicketView;
use super::names::UserName;
use crate::api;
use crate::components::problem::ProblemView;
use crate::i18n::date::iso_instant;
use crate::i18n::{I18n, t, use_i18n};
use crate::pages::orders::outcome_key;

/// The words of an event kind; `None` for a kind this client does not know yet.
fn event_key(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "created" => "ticket.event.created",
        "customer_registered" => "ticket.event.customer_registered",
        "attachment_added" => "ticket.event.attachment_added",
        "labour_added" => "ticket.event.labour_added",
        "labour_removed" => "ticket.event.labour_removed",
        "complaint_resolved" => "ticket.event.complaint_resolved",
        "flagged_contradiction" => "ticket.event.flagged_contradiction",
        "stage_changed" => "ticket.event.stage_changed",
        "field_changed" => "ticket.event.field_changed",
        "dispatched" => "ticket.event.dispatched",
        "reassigned" => "ticket.event.reassigned",
        "rescheduled" => "ticket.event.rescheduled",
        "warranty_reevaluated" => "ticket.event.warranty_reevaluated",
        "reopened" => "ticket.event.reopened",
        "callback_recorded" => "ticket.event.callback_recorded",
        "callback_attempted" => "ticket.event.callback_attempted",
        "callback_unreachable" => "ticket.event.callback_unreachable",
        "callback_reopened" => "ticket.event.callback_reopened",
        "complaint_opened" => "ticket.event.complaint_opened",
        "parts_reserved" => "ticket.event.parts_reserved",
        "parts_released" => "ticket.event.parts_released",
        "parts_issued" => "ticket.event.parts_issued",
        "parts_used" => "ticket.event.parts_used",
        "parts_returned" => "ticket.event.parts_returned",
        "defective_recorded" => "ticket.event.defective_recorded",
        "return_requested" => "ticket.event.return_requested",
        "return_decided" => "ticket.event.return_decided",
        _ => return None,
    })
}

/// The words of a changed field; `None` for a field without a name here.
fn field_key(field: &str) -> Option<&'static str> {
    Some(match field {
        "diagnosis_code" => "ticket.field.diagnosis_code",
        "resolution_code" => "ticket.field.resolution_code",
        "technician_notes" => "ticket.field.technician_notes",
        "priority" => "ticket.field.priority",
        "fault_description" => "ticket.field.fault_description",
        "fault_codes" => "ticket.field.fault_codes",
        "accessories" => "ticket.field.accessories",
        "condition_notes" => "ticket.field.condition_notes",
        "expected_on" => "ticket.field.expected_on",
        "time_on_site_minutes" => "ticket.field.time_on_site_minutes",
        _ => return None,
    })
}

#[component]
pub fn TimelineSection(view: TicketView) -> impl IntoView {
    let session = view.session;
    let events = LocalResource::new(move || {
        let _ = view.changes.get();
        api::ticket::timeline(session, view.id)
    });
    let list = move || match events.get() {
        None => view! { <p class="muted">{t("table.loading")}</p> }.into_any(),
        Some(Err(e)) => view! { <ProblemView problem=e.problem /> }.into_any(),
        Some(Ok(events)) if events.is_empty() => view! { <p class="muted">{t("ticket.no_events")}</p> }.into_any(),
        Some(Ok(mut events)) => {
            events.sort_by_key(|e| std::cmp::Reverse(e.at));
            view! {
                <ol class="ticket-timeline plain-list" id="ticket-timeline-list">
                    {events.into_iter().map(|event| view! { <EventItem view event /> }).collect_view()}
                </ol>
            }
            .into_any()
        }
    };
    view! {
        <section id="ticket-timeline" class="card ticket-section" aria-labelledby="ticket-timeline-title">
            <h2 id="ticket-timeline-title">{t("ticket.timeline")}</h2>
            {list}
        </section>
    }
}

#[component]
fn EventItem(view: TicketView, event: TicketEventDto) -> impl IntoView {
    let i18n = use_i18n();
    let session = view.session;
    let at = event.at;
    // The timeline names the people; a name it lacks is read one by one.
    let who = match (event.actor_id, event.actor_name.clone()) {
        (Some(_), Some(name)) => view! { <bdi class="user-name">{name}</bdi> }.into_any(),
        (Some(id), None) => view! { <UserName session id fallback="ticket.someone" /> }.into_any(),
        (None, _) => view! { <span>{t("ticket.system")}</span> }.into_any(),
    };
    let technician = match (event.kind.as_str(), event.to.as_deref().and_then(|v| Uuid::parse_str(v).ok())) {
        ("dispatched" | "reassigned" | "rescheduled", Some(id)) => Some(match event.to_name.clone() {
            Some(name) => view! { " → " <bdi class="user-name">{name}</bdi> }.into_any(),
            None => view! { " → " <UserName session id fallback="ticket.a_technician" /> }.into_any(),
        }),
        _ => None,
    };
    let what = {
        let event = event.clone();
        move || what(view, i18n, &event)
    };
    let note = event.note.clone().map(|n| view! { <p class="event-note muted" dir="auto">{n}</p> });
    view! {
        <li class="timeline-event" data-kind=event.kind.clone()>
            <p class="event-head">
                <time datetime=iso_instant(at) class="event-at">{move || i18n.date_time(at)}</time>
                " · "
                <span class="event-who">{who}</span>
            </p>
            <p class="event-what">{what}{technician}</p>
            {note}
        </li>
    }
}

/// What happened, in the reader's words.
fn what(view: TicketView, i18n: I18n, event: &TicketEventDto) -> String {
    let Some(key) = event_key(&event.kind) else {
        return i18n.text("ticket.event.other").to_owned();
    };
    match event.kind.as_str() {
        "stage_changed" | "reopened" => {
            let from = event.from.as_deref().map(|s| view.stage_name(i18n, s)).unwrap_or_default();
            let to = event.to.as_deref().map(|s| view.stage_name(i18n, s)).unwrap_or_default();
            i18n.format(key, &[("from", &from), ("to", &to)])
        }
        "field_changed" => {
            let field = event
                .field
                .as_deref()
                .and_then(field_key)
                .map_or_else(|| i18n.text("ticket.field.other"), |k| i18n.text(k));
            i18n.format(key, &[("field", field)])
        }
        "return_decided" => {
            // The outcome in words; one this client does not know, as the server wrote it.
            let to = event.to.as_deref().unwrap_or_default();
            let outcome = ReturnOutcome::parse(to).map_or(to, |o| i18n.text(outcome_key(o)));
            i18n.format(key, &[("outcome", outcome)])
        }
        _ => i18n.text(key).to_owned(),
    }
}
