//! An endpoint's delivery log: newest first, filtered by status and read again
//! on demand (the server delivers in the background, so a waiting delivery is
//! seen delivered only on the next read); one delivery's detail shows every
//! attempt and the message as sent, and sends it again (replay).

use aftersales_api_types::problem::Problem;
use aftersales_api_types::webhooks::{DeliveryStatus, WebhookAttemptDto, WebhookDeliveryDetail, WebhookDeliveryDto};
use leptos::prelude::*;
use uuid::Uuid;

use super::webhooks::event_key;
use crate::api;
use crate::components::problem::ProblemView;
use crate::components::table::PagedTable;
use crate::components::toast::use_toasts;
use crate::i18n::{t, use_i18n};
use crate::query::{from_wire, wire};
use crate::session::use_session;

const COLUMNS: &[&str] = &[
    "webhooks.created",
    "webhooks.event",
    "webhooks.status",
    "webhooks.attempts",
    "webhooks.last_answer",
    "settings.actions",
];

const ATTEMPT_COLUMNS: &[&str] =
    &["webhooks.attempted_at", "webhooks.status_code", "webhooks.error", "webhooks.duration", "webhooks.response"];

const STATUSES: [DeliveryStatus; 3] = [DeliveryStatus::Pending, DeliveryStatus::Delivered, DeliveryStatus::Failed];

/// The catalogue key of a delivery status's name.
fn status_key(status: DeliveryStatus) -> &'static str {
    match status {
        DeliveryStatus::Pending => "webhooks.status.pending",
        DeliveryStatus::Delivered => "webhooks.status.delivered",
        DeliveryStatus::Failed => "webhooks.status.failed",
    }
}

/// The log of one endpoint; `changes` is the panel's change counter: the log is
/// read again after a ping, a switch or a replay.
#[component]
pub fn DeliveryLog(endpoint_id: Uuid, url: String, changes: RwSignal<u32>, on_close: Callback<()>) -> impl IntoView {
    let session = use_session();
    let status = RwSignal::new(None::<DeliveryStatus>);
    let open = RwSignal::new(None::<Uuid>);
    let table = move || {
        let _ = changes.get();
        let status = status.get();
        view! {
            <PagedTable caption="webhooks.log" columns=COLUMNS
                fetch=move |cursor| api::webhooks::deliveries(session, endpoint_id, status, cursor)
                row=move |d| delivery_row(open, d).into_any() />
        }
    };
    let detail = move || {
        open.get().map(|id| view! { <DeliveryDetail id changes on_close=Callback::new(move |()| open.set(None)) /> })
    };
    view! {
        <section id="webhook-log" class="webhook-log" aria-labelledby="webhook-log-title" data-endpoint=endpoint_id.to_string()>
            <h3 id="webhook-log-title">{t("webhooks.log")}": "<code dir="ltr">{url}</code></h3>
            <form id="webhook-log-filters" class="settings-form" role="search" on:submit=|ev| ev.prevent_default()>
                <div class="form-grid">
                    <div class="field">
                        <label for="webhook-log-status">{t("webhooks.status")}</label>
                        <select id="webhook-log-status" on:change=move |ev| status.set(from_wire(&event_target_value(&ev)))>
                            <option value="">{t("webhooks.any_status")}</option>
                            {STATUSES.into_iter().map(|s| view! { <option value=wire(&s)>{t(status_key(s))}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="form-actions">
                    <button id="webhook-log-refresh" type="button" class="button" on:click=move |_| changes.update(|n| *n += 1)>
                        {t("webhooks.refresh")}
                    </button>
                    <button id="webhook-log-close" type="button" class="button" on:click=move |_| on_close.run(())>
                        {t("partners.close")}
                    </button>
                </div>
            </form>
            {detail}
            <div id="webhook-deliveries">{table}</div>
        </section>
    }
}

fn delivery_row(open: RwSignal<Option<Uuid>>, delivery: WebhookDeliveryDto) -> impl IntoView {
    let i18n = use_i18n();
    let id = delivery.id;
    let answer = last_answer(&delivery);
    let next = (delivery.status == DeliveryStatus::Pending)
        .then(|| i18n.format("webhooks.next_attempt", &[("at", &i18n.date_time(delivery.next_attempt_at))]));
    view! {
        <tr data-id=id.to_string() data-status=wire(&delivery.status) data-event=delivery.event_type.as_str()>
            <td class="created">{i18n.date_time(delivery.created_at)}</td>
            <td class="event">{t(event_key(delivery.event_type))}</td>
            <td class="status">
                <span class="delivery-status">{t(status_key(delivery.status))}</span>
                {next.map(|n| view! { <div class="muted">{n}</div> })}
            </td>
            <td class="attempts">{i18n.number(i64::from(delivery.attempts))}</td>
            <td class="last-answer"><bdi>{answer}</bdi></td>
            <td class="actions">
                <button type="button" class="button link delivery-open" on:click=move |_| open.set(Some(id))>
                    {t("webhooks.details")}
                </button>
            </td>
        </tr>
    }
}

/// The receiver's last answer: its HTTP status, else why there was none.
fn last_answer(delivery: &WebhookDeliveryDto) -> String {
    match (delivery.last_status, &delivery.last_error) {
        (Some(code), Some(error)) => format!("HTTP {code} · {error}"),
        (Some(code), None) => format!("HTTP {code}"),
        (None, Some(error)) => error.clone(),
        (None, None) => String::new(),
    }
}

/// One delivery: what was sent, every attempt, and a button to send it again.
#[component]
fn DeliveryDetail(id: Uuid, changes: RwSignal<u32>, on_close: Callback<()>) -> impl IntoView {
    let session = use_session();
    let detail = LocalResource::new(move || {
        let _ = changes.get();
        api::webhooks::delivery(session, id)
    });
    view! {
        <article id="delivery-detail" class="card delivery-detail" data-id=id.to_string()>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                {move || Suspend::new(async move {
                    match detail.await {
                        Ok(detail) => view! { <DetailBody detail changes on_close /> }.into_any(),
                        Err(e) => view! { <div class="alert" role="alert"><ProblemView problem=e.problem /></div> }.into_any(),
                    }
                })}
            </Transition>
        </article>
    }
}

#[component]
fn DetailBody(detail: WebhookDeliveryDetail, changes: RwSignal<u32>, on_close: Callback<()>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let WebhookDeliveryDetail { delivery, payload, attempts } = detail;
    let id = delivery.id;
    let problem = RwSignal::new(None::<Problem>);
    let replay = Action::new_local(move |(): &()| async move {
        match api::webhooks::replay(session, id).await {
            Ok(_) => {
                toasts.show(i18n.text("webhooks.replayed"));
                changes.try_update(|n| *n += 1);
            }
            Err(e) => {
                problem.try_set(Some(e.problem));
            }
        }
    });
    // A switched-off endpoint refuses (409): said in the reader's words.
    let refusal = move || {
        problem.get().map(|p| match p.status {
            409 => view! { <p class="alert" role="alert">{t("webhooks.off_no_messages")}</p> }.into_any(),
            _ => view! { <div class="alert" role="alert"><ProblemView problem=p /></div> }.into_any(),
        })
    };
    let delivered = delivery.delivered_at.map(|at| i18n.date_time(at));
    let rows = if attempts.is_empty() {
        view! { <tr class="empty"><td colspan=ATTEMPT_COLUMNS.len() class="muted">{t("webhooks.no_attempts")}</td></tr> }
            .into_any()
    } else {
        attempts.into_iter().map(attempt_row).collect_view().into_any()
    };
    view! {
        <h4>{t("webhooks.delivery")}": "{t(event_key(delivery.event_type))}</h4>
        <dl class="profile">
            <dt>{t("webhooks.status")}</dt>
            <dd id="delivery-status" data-status=wire(&delivery.status)>{t(status_key(delivery.status))}</dd>
            <dt>{t("webhooks.message_id")}</dt>
            <dd><code dir="ltr">{delivery.event_id.to_string()}</code></dd>
            <dt>{t("webhooks.created")}</dt>
            <dd>{i18n.date_time(delivery.created_at)}</dd>
            {delivered.map(|at| view! { <dt>{t("webhooks.delivered_at")}</dt><dd>{at}</dd> })}
        </dl>
        {refusal}
        <div class="form-actions">
            <button id="delivery-replay" type="button" class="button primary" disabled=move || replay.pending().get()
                on:click=move |_| { problem.set(None); replay.dispatch_local(()); }>
                {t("webhooks.replay")}
            </button>
            <button id="delivery-close" type="button" class="button" on:click=move |_| on_close.run(())>
                {t("partners.close")}
            </button>
        </div>
        <div class="table-wrap">
            <table id="delivery-attempts" class="data">
                <caption class="visually-hidden">{t("webhooks.attempts")}</caption>
                <thead><tr>{ATTEMPT_COLUMNS.iter().map(|c| view! { <th scope="col">{t(c)}</th> }).collect_view()}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <h5>{t("webhooks.payload")}</h5>
        // Exactly the bytes signed and sent, wrapped rather than re-indented.
        <pre id="delivery-payload" dir="ltr" style="white-space: pre-wrap; overflow-wrap: anywhere">{payload}</pre>
    }
}

fn attempt_row(attempt: WebhookAttemptDto) -> impl IntoView {
    let i18n = use_i18n();
    let duration = i18n.format("webhooks.duration_ms", &[("ms", &i18n.number(attempt.duration_ms))]);
    view! {
        <tr>
            <td class="attempted-at">{i18n.date_time(attempt.attempted_at)}</td>
            <td class="status-code">{attempt.status_code.map(|c| view! { <code>{c}</code> })}</td>
            <td class="error"><bdi>{attempt.error}</bdi></td>
            <td class="duration">{duration}</td>
            <td class="response"><code dir="ltr">{attempt.response_body}</code></td>
        </tr>
    }
}
