//! The header facts of a ticket: number, kind, stage, branch, customer, unit,
//! warranty with its reasons, technician, appointment, flags and tracking code.

use aftersales_api_types::entitlement::Decision;
use leptos::prelude::*;

use super::TicketView;
use super::names::{Loaded, UserName};
use crate::api;
use crate::components::warranty_decision::LegRow;
use crate::i18n::date::iso_instant;
use crate::i18n::labels::{stage_category_key, ticket_kind_key, warranty_status_key};
use crate::i18n::{t, use_i18n};

#[component]
pub fn FactsSection(view: TicketView) -> impl IntoView {
    let i18n = use_i18n();
    let session = view.session;
    let initial = view.ticket.get_untracked();
    let (branch_id, customer_id) = (initial.branch_id, initial.customer_id);
    let (serial_id, model_id) = (initial.serial_id, initial.model_id);
    let ticket = view.ticket;

    // The names come with the ticket; read one by one only if they did not.
    let names = initial.names.clone().unwrap_or_default();
    let has_names = initial.names.is_some();
    let branch_text = has_names.then(|| format!("{} ({})", names.branch_name, names.branch_code));
    let branch = move || {
        let known = branch_text.clone();
        async move {
            match known {
                Some(text) => Some(text),
                None => api::branch(session, branch_id.to_string()).await.ok().map(|b| b.name),
            }
        }
    };
    let customer = LocalResource::new(move || api::reference::customer(session, customer_id));
    let customer_view = move || match customer.get() {
        None => view! { <span class="muted">"…"</span> }.into_any(),
        Some(Err(_)) => view! { <span class="muted">{t("ticket.not_readable")}</span> }.into_any(),
        Some(Ok(c)) => {
            let phones = c.phones.iter().map(|p| p.number.clone()).collect::<Vec<_>>();
            view! {
                <bdi id="ticket-customer-name">{c.name}</bdi>
                {phones.into_iter().map(|p| view! { <br /><bdi class="code phone" dir="ltr">{p}</bdi> }).collect_view()}
            }
            .into_any()
        }
    };
    let unit = {
        let (serial_text, model_text) = (names.serial.clone(), names.model_name.clone());
        let serial = serial_id.map(|id| {
            let load = move || {
                let known = serial_text.clone();
                async move { if known.is_some() { known } else { api::tickets::serial_text(session, id).await } }
            };
            view! { <span id="ticket-serial" class="code"><Loaded load /></span> }
        });
        let model = model_id.map(|id| {
            let load = move || {
                let known = model_text.clone();
                async move { if known.is_some() { known } else { api::tickets::model_name(session, id).await } }
            };
            view! { <span id="ticket-model"><Loaded load /></span> }
        });
        let none = (serial_id.is_none() && model_id.is_none()).then(|| view! { <span class="muted">"—"</span> });
        view! { {serial} {serial_id.and(model_id).map(|_| " · ")} {model} {none} }
    };
    let stage = move || {
        let (code, category) = ticket.with(|t| (t.stage.clone(), t.stage_category));
        view! {
            <span id="ticket-stage" data-stage=code.clone()>{view.stage_name(i18n, &code)}</span>
            " "
            <span class="muted">"(" {t(stage_category_key(category))} ")"</span>
        }
    };
    let technician =
        move || match ticket.with(|t| (t.technician_id, t.names.as_ref().and_then(|n| n.technician_name.clone()))) {
            (Some(_), Some(name)) => view! { <bdi class="user-name">{name}</bdi> }.into_any(),
            (Some(id), None) => view! { <UserName session id fallback="ticket.a_technician" /> }.into_any(),
            (None, _) => view! { <span class="muted">{t("ticket.unassigned")}</span> }.into_any(),
        };
    let appointment = move || match ticket.with(|t| (t.appointment_from, t.appointment_to)) {
        (Some(from), Some(to)) => view! {
            <time datetime=iso_instant(from)>{move || i18n.date_time(from)}</time>
            " – "
            <time datetime=iso_instant(to)>{move || i18n.date_time(to)}</time>
        }
        .into_any(),
        _ => view! { <span class="muted">{t("ticket.no_appointment")}</span> }.into_any(),
    };
    let flags = move || {
        let flags = ticket.with(|t| t.flags);
        let none = (!flags.repeat_repair && !flags.contradiction)
            .then(|| view! { <span class="muted">{t("ticket.no_flags")}</span> });
        view! {
            {flags.repeat_repair.then(|| view! { <span class="badge warn" id="ticket-flag-repeat">{t("ticket.flag_repeat")}</span> })}
            " "
            {flags.contradiction.then(|| view! { <span class="badge danger" id="ticket-flag-contradiction">{t("ticket.flag_contradiction")}</span> })}
            {none}
        }
    };
    let warranty = move || {
        let (status, decision) = ticket.with(|t| (t.warranty_status, t.warranty.clone()));
        view! {
            <span id="ticket-warranty-status">{t(warranty_status_key(status))}</span>
            {match decision {
                Some(decision) => view! { <WarrantyReasons decision /> }.into_any(),
                None => view! { <p class="muted">{t("ticket.warranty_none")}</p> }.into_any(),
            }}
        }
    };
    let number = initial.number.clone();
    let kind = initial.kind;
    let tracking = initial.tracking_code.clone();
    view! {
        <header class="ticket-head">
            <h1 id="ticket-title">{t("ticket.title")} " " <bdi class="code" id="ticket-number">{number}</bdi></h1>
            <button type="button" id="ticket-refresh" class="button secondary" on:click=move |_| view.reload()>
                {t("ticket.refresh")}
            </button>
        </header>
        <section id="ticket-facts" class="card ticket-facts" aria-labelledby="ticket-title">
            <dl class="facts">
                <dt>{t("ticket.kind")}</dt>
                <dd id="ticket-kind">{t(ticket_kind_key(kind))}</dd>
                <dt>{t("ticket.stage")}</dt>
                <dd>{stage}</dd>
                <dt>{t("ticket.branch")}</dt>
                <dd id="ticket-branch"><Loaded load=branch /></dd>
                <dt>{t("ticket.customer")}</dt>
                <dd id="ticket-customer">{customer_view}</dd>
                <dt>{t("ticket.unit")}</dt>
                <dd id="ticket-unit">{unit}</dd>
                <dt>{t("ticket.warranty")}</dt>
                <dd id="ticket-warranty">{warranty}</dd>
                <dt>{t("ticket.technician")}</dt>
                <dd id="ticket-technician">{technician}</dd>
                <dt>{t("ticket.appointment")}</dt>
                <dd id="ticket-appointment">{appointment}</dd>
                <dt>{t("ticket.flags")}</dt>
                <dd id="ticket-flags">{flags}</dd>
                <dt>{t("ticket.tracking_code")}</dt>
                <dd><bdi id="ticket-tracking" class="code" dir="ltr">{tracking}</bdi></dd>
            </dl>
        </section>
    }
}

/// The decision stored at intake, leg by leg, with its reasons.
#[component]
fn WarrantyReasons(decision: Decision) -> impl IntoView {
    let excluded = (!decision.excluded_by.is_empty()).then(|| {
        let list = decision.excluded_by.join(", ");
        view! { <li>{t("ticket.excluded_by")} ": " <bdi>{list}</bdi></li> }
    });
    view! {
        <ul class="warranty-legs plain-list" id="ticket-warranty-legs">
            {decision.legs.into_iter().map(|leg| view! { <LegRow leg /> }).collect_view()}
            {excluded}
        </ul>
    }
}
