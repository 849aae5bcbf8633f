//! A partner's webhook endpoints: subscribe one to events (its signing secret
//! shown this once), list them with whether they are on and whether they fail,
//! send a test message, rotate the secret, switch one off and on, and open its
//! delivery log.

use aftersales_api_types::partners::PartnerDto;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::webhooks::{
    CreateWebhookEndpoint, SubscribableEvent, UpdateWebhookEndpoint, WebhookEndpointDto, WebhookEndpointWithSecret,
    WebhookEventType,
};
use leptos::prelude::*;
use uuid::Uuid;

use super::deliveries::DeliveryLog;
use super::keys::SecretOnce;
use crate::api;
use crate::components::problem::{FieldErrors, ProblemView, browser_problem};
use crate::components::screen::{form_problem, invalid, opt};
use crate::components::table::ListTable;
use crate::components::toast::use_toasts;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

const COLUMNS: &[&str] = &["webhooks.url", "webhooks.events", "webhooks.state", "settings.actions"];

/// The catalogue key of an event's name.
pub fn event_key(event: WebhookEventType) -> &'static str {
    match event {
        WebhookEventType::TicketCreated => "webhooks.event.ticket_created",
        WebhookEventType::TicketStageChanged => "webhooks.event.ticket_stage_changed",
        WebhookEventType::TicketCompleted => "webhooks.event.ticket_completed",
        WebhookEventType::TicketClosed => "webhooks.event.ticket_closed",
        WebhookEventType::TicketAssigned => "webhooks.event.ticket_assigned",
        WebhookEventType::WarrantyRegistered => "webhooks.event.warranty_registered",
        WebhookEventType::OrderStatusChanged => "webhooks.event.order_status_changed",
        WebhookEventType::ReturnDecided => "webhooks.event.return_decided",
        WebhookEventType::Ping => "webhooks.event.ping",
    }
}

/// The catalogue key of the name of an event one subscribes to (the same name
/// as the message it brings).
fn subscribable_key(event: SubscribableEvent) -> &'static str {
    WebhookEventType::parse(event.as_str()).map_or("webhooks.event.ping", event_key)
}

/// A secret on show: of an endpoint just subscribed, or just rotated (the old
/// one then signs too for a while).
#[derive(Debug, Clone)]
enum NewSecret {
    Created(WebhookEndpointWithSecret),
    Rotated(WebhookEndpointWithSecret),
}

/// What the panel's rows change: the list (read again after every change), the
/// secret on show, and whose delivery log is open (id and URL).
#[derive(Debug, Clone, Copy)]
struct Shared {
    changes: RwSignal<u32>,
    secret: RwSignal<Option<NewSecret>>,
    log_of: RwSignal<Option<(Uuid, String)>>,
}

#[component]
pub fn WebhooksPanel(partner: PartnerDto, on_close: Callback<()>) -> impl IntoView {
    let session = use_session();
    let partner_id = partner.id;
    let shared = Shared { changes: RwSignal::new(0), secret: RwSignal::new(None), log_of: RwSignal::new(None) };
    let list = LocalResource::new(move || {
        let _ = shared.changes.get();
        api::webhooks::endpoints(session, partner_id)
    });
    let title = format!("{} — {}", partner.code, partner.name);
    let log = move || {
        shared.log_of.get().map(|(endpoint_id, url)| {
            view! { <DeliveryLog endpoint_id url changes=shared.changes on_close=Callback::new(move |()| shared.log_of.set(None)) /> }
        })
    };
    view! {
        <section id="partner-webhooks" class="card partner-webhooks" aria-labelledby="partner-webhooks-title">
            <h2 id="partner-webhooks-title">{t("webhooks.title")}": "<bdi>{title}</bdi></h2>
            <p class="muted">{t("webhooks.intro")}</p>
            {move || shared.secret.get().map(|secret| view! { <ShownSecret secret shared /> })}
            <EndpointForm partner_id shared on_close />
            <ListTable id="webhook-table" caption="webhooks.title" columns=COLUMNS empty="webhooks.empty" list
                row=move |e| endpoint_row(shared, e).into_any() />
            {log}
        </section>
    }
}

/// A new or rotated signing secret, with what the receiver must do with it.
#[component]
fn ShownSecret(secret: NewSecret, shared: Shared) -> impl IntoView {
    let i18n = use_i18n();
    let on_done = Callback::new(move |()| shared.secret.set(None));
    let (created, rotated) = match secret {
        NewSecret::Created(created) => (created, None),
        NewSecret::Rotated(rotated) => {
            let until = rotated.endpoint.secret_rotated_until;
            (rotated, until)
        }
    };
    let note = move || match rotated {
        Some(until) => i18n.format("webhooks.secret_rotated", &[("until", &i18n.date_time(until))]),
        None => i18n.text("webhooks.secret_once").to_owned(),
    };
    view! {
        <SecretOnce id="webhook" secret=created.secret on_done>
            <p><strong>{note}</strong></p>
            <p><code dir="ltr">{created.endpoint.url}</code></p>
        </SecretOnce>
    }
}

/// The form subscribing a new endpoint.
#[component]
fn EndpointForm(partner_id: Uuid, shared: Shared, on_close: Callback<()>) -> impl IntoView {
    let session = use_session();
    let url = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let chosen = RwSignal::new(Vec::<SubscribableEvent>::new());
    let problem = RwSignal::new(None::<Problem>);
    let errors: Signal<Option<Problem>> = problem.into();
    let create = Action::new_local(move |body: &CreateWebhookEndpoint| {
        let body = body.clone();
        async move {
            match api::webhooks::create_endpoint(session, &body).await {
                Ok(created) => {
                    shared.secret.try_set(Some(NewSecret::Created(created)));
                    url.try_set(String::new());
                    description.try_set(String::new());
                    chosen.try_set(Vec::new());
                    shared.changes.try_update(|n| *n += 1);
                }
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // In the order the checkboxes show them, whatever order they were ticked in.
        let events: Vec<SubscribableEvent> =
            chosen.with_untracked(|c| SubscribableEvent::ALL.iter().copied().filter(|e| c.contains(e)).collect());
        if events.is_empty() {
            problem.set(Some(browser_problem(&[("events", "webhooks.error.events")])));
            return;
        }
        problem.set(None);
        shared.secret.set(None);
        create.dispatch_local(CreateWebhookEndpoint {
            partner_id: Some(partner_id),
            url: url.get_untracked().trim().to_owned(),
            events,
            description: opt(&description.get_untracked()),
        });
    };
    let event_boxes = SubscribableEvent::ALL
        .iter()
        .copied()
        .map(|event| {
            let id = format!("webhook-event-{}", event.as_str().replace(['.', '_'], "-"));
            view! {
                <div class="field check">
                    <input id=id.clone() type="checkbox" value=event.as_str()
                        prop:checked=move || chosen.with(|c| c.contains(&event))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen.update(|c| { c.retain(|e| *e != event); if on { c.push(event); } });
                        } />
                    <label for=id>{t(subscribable_key(event))}" "<code dir="ltr">{event.as_str()}</code></label>
                </div>
            }
        })
        .collect_view();
    view! {
        <form id="webhook-form" class="settings-form" on:submit=submit novalidate>
            <h3>{t("webhooks.new")}</h3>
            {form_problem(problem, "webhook-problem")}
            <div class="form-grid">
                <div class="field">
                    <label for="webhook-url">{t("webhooks.url")}</label>
                    <input id="webhook-url" type="url" dir="ltr" maxlength="500" autocomplete="off" placeholder="https://"
                        bind:value=url aria-invalid=invalid(problem, "url") aria-describedby="webhook-url-error" />
                    <FieldErrors problem=errors field="url" id="webhook-url" />
                </div>
                <div class="field">
                    <label for="webhook-description">{t("webhooks.description")}</label>
                    <input id="webhook-description" type="text" maxlength="200" autocomplete="off" bind:value=description
                        aria-invalid=invalid(problem, "description") aria-describedby="webhook-description-error" />
                    <FieldErrors problem=errors field="description" id="webhook-description" />
                </div>
                <fieldset class="wide settings-checks" aria-invalid=invalid(problem, "events") aria-describedby="webhook-events-error">
                    <legend>{t("webhooks.events")}</legend>
                    {event_boxes}
                    <FieldErrors problem=errors field="events" id="webhook-events" />
                </fieldset>
            </div>
            <div class="form-actions">
                <button id="webhook-create" type="submit" class="button primary" disabled=move || create.pending().get()>
                    {t("webhooks.create")}
                </button>
                <button id="webhooks-close" type="button" class="button" on:click=move |_| on_close.run(())>
                    {t("partners.close")}
                </button>
            </div>
        </form>
    }
}

/// What a row's buttons do.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Act {
    Ping,
    Rotate,
    SwitchOff,
    SwitchOn,
}

fn endpoint_row(shared: Shared, endpoint: WebhookEndpointDto) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let problem = RwSignal::new(None::<Problem>);
    let (id, version, active) = (endpoint.id, endpoint.version, endpoint.active);
    let url = endpoint.url.clone();
    let act = Action::new_local(move |act: &Act| {
        let (act, url) = (*act, url.clone());
        async move {
            let done = match act {
                Act::Ping => api::webhooks::ping(session, id).await.map(|_| {
                    toasts.show(i18n.text("webhooks.ping_sent"));
                    // The test message shows in the log at once, waiting for its attempt.
                    shared.log_of.try_set(Some((id, url)));
                }),
                Act::Rotate => api::webhooks::rotate_secret(session, id, version).await.map(|rotated| {
                    shared.secret.try_set(Some(NewSecret::Rotated(rotated)));
                }),
                Act::SwitchOff | Act::SwitchOn => {
                    let body = UpdateWebhookEndpoint { active: Some(act == Act::SwitchOn), ..Default::default() };
                    api::webhooks::update_endpoint(session, id, version, &body).await.map(|_| ())
                }
            };
            match done {
                Ok(()) => {
                    shared.changes.try_update(|n| *n += 1);
                }
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let pending: Signal<bool> = act.pending().into();
    let run = move |what: Act| {
        problem.set(None);
        act.dispatch_local(what);
    };
    let events = endpoint.events.clone();
    let events = move || i18n.list(&events.iter().map(|e| i18n.text(subscribable_key(*e))).collect::<Vec<_>>());
    let off_reason = endpoint.disabled_reason.clone();
    let failing =
        endpoint.failing_since.map(|at| i18n.format("webhooks.failing_since", &[("at", &i18n.date_time(at))]));
    let old_secret = endpoint
        .secret_rotated_until
        .map(|at| i18n.format("webhooks.old_secret_until", &[("until", &i18n.date_time(at))]));
    let log_url = endpoint.url.clone();
    view! {
        <tr data-id=id.to_string() data-url=endpoint.url.clone() data-active=active.to_string() class:inactive=!active>
            <td class="url">
                <code dir="ltr">{endpoint.url.clone()}</code>
                {endpoint.description.clone().map(|d| view! { <div class="muted"><bdi>{d}</bdi></div> })}
            </td>
            <td class="events">{events}</td>
            <td class="state">
                <span class="webhook-state">{t(if active { "webhooks.on" } else { "webhooks.off" })}</span>
                {off_reason.map(|r| view! { " — "<bdi class="webhook-off-reason">{r}</bdi> })}
                {failing.map(|f| view! { <div class="webhook-failing danger">{f}</div> })}
                {old_secret.map(|s| view! { <div class="muted webhook-old-secret">{s}</div> })}
            </td>
            <td class="actions">
                <button type="button" class="button link webhook-ping" disabled=move || !active || pending.get()
                    title=move || (!active).then(|| i18n.text("webhooks.off_no_messages"))
                    on:click=move |_| run(Act::Ping)>{t("webhooks.ping")}</button>
                <AskFirst class="webhook-rotate" label="webhooks.rotate" question="webhooks.confirm_rotate"
                    yes="webhooks.rotate_yes" pending on_yes=Callback::new(move |()| run(Act::Rotate)) />
                {if active {
                    view! {
                        <AskFirst class="webhook-off" label="webhooks.switch_off" question="webhooks.confirm_off"
                            yes="webhooks.switch_off_yes" pending on_yes=Callback::new(move |()| run(Act::SwitchOff)) />
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="button link webhook-on" disabled=move || pending.get()
                            on:click=move |_| run(Act::SwitchOn)>{t("webhooks.switch_on")}</button>
                    }.into_any()
                }}
                <button type="button" class="button link webhook-log-open"
                    on:click=move |_| shared.log_of.set(Some((id, log_url.clone())))>{t("webhooks.log")}</button>
                {move || problem.get().map(|p| view! { <ProblemView problem=p /> })}
            </td>
        </tr>
    }
}

/// A button that asks before it acts: `{class}`, then `{class}-yes` or `{class}-no`.
#[component]
fn AskFirst(
    class: &'static str,
    label: &'static str,
    question: &'static str,
    yes: &'static str,
    pending: Signal<bool>,
    on_yes: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    view! {
        <Show when=move || asking.get() fallback=move || view! {
            <button type="button" class=format!("button link {class}") disabled=move || pending.get()
                on:click=move |_| asking.set(true)>{t(label)}</button>
        }>
            <span class="settings-confirm" role="alert">
                <span>{t(question)}</span>
                <button type="button" class=format!("button link danger {class}-yes")
                    on:click=move |_| { asking.set(false); on_yes.run(()); }>{t(yes)}</button>
                <button type="button" class=format!("button link {class}-no") on:click=move |_| asking.set(false)>
                    {t("settings.keep")}
                </button>
            </span>
        </Show>
    }
}
