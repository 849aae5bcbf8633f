//! `/rtv-shipments/:id`: one shipment with its old parts, and its next step —
//! ship a packed one with the carrier's reference, or record the manufacturer's
//! acknowledgement of a shipped one. Each answer replaces the shipment shown; a
//! refusal stands beside the field it names.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::defective_parts::DefectivePartDto;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::rtv::{RtvReference, RtvShipmentDto, RtvStatus};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::{Names, status_badge};
use crate::api::{self, ApiError};
use crate::components::problem::{ErrorsView, FieldErrors, ProblemView, browser_problem, names_field, without_fields};
use crate::components::toast::use_toasts;
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};

#[component]
pub fn RtvShipmentPage() -> impl IntoView {
    let session = crate::session::use_session();
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| Uuid::parse_str(&id).ok())).unwrap_or_default());
    let data = LocalResource::new(move || {
        let id = id.get();
        async move {
            let names = Names::load(session).await?;
            let shipment = api::rtv::get(session, id).await?;
            Ok::<_, ApiError>((names, shipment))
        }
    });
    view! {
        <section class="page rtv-shipment-page">
            <p><a id="rtv-back" href="/rtv-shipments">{t("rtv.back")}</a></p>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move {
                        data.await.map(|(names, shipment)| view! { <ShipmentScreen names shipment /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

/// Which step is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Ship,
    Acknowledge,
}

#[component]
fn ShipmentScreen(names: Names, shipment: RtvShipmentDto) -> impl IntoView {
    let session = names.session;
    let i18n = use_i18n();
    let toasts = use_toasts();
    let shipment = RwSignal::new(shipment);
    let problem = RwSignal::new(None::<Problem>);
    let reference = RwSignal::new(String::new());
    let may_ship = untrack(|| session.may(Permission::MoveStock));
    let may_acknowledge = untrack(|| session.may(Permission::ManageParts));
    let status = Memo::new(move |_| shipment.with(|s| s.status));
    let act = Action::new_local(move |(step, body): &(Step, RtvReference)| {
        let (step, body) = (*step, body.clone());
        let (id, version) = shipment.with_untracked(|s| (s.id, s.version));
        async move {
            let (answer, done) = match step {
                Step::Ship => (api::rtv::ship(session, id, version, &body).await, "rtv.shipped_note"),
                Step::Acknowledge => {
                    (api::rtv::acknowledge(session, id, version, &body).await, "rtv.acknowledged_note")
                }
            };
            match answer {
                Ok(next) => {
                    shipment.try_set(next);
                    reference.try_set(String::new());
                    toasts.show(i18n.text(done));
                }
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let submit = move |step: Step| {
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let text = reference.get_untracked().trim().to_owned();
            if text.is_empty() {
                return problem.set(Some(browser_problem(&[("reference", "rtv.error.reference")])));
            }
            problem.set(None);
            act.dispatch_local((step, RtvReference { reference: text }));
        }
    };
    let problem_signal: Signal<Option<Problem>> = problem.into();
    let busy = move || act.pending().get();
    let whole = move || {
        problem.get().filter(|p| p.errors.iter().all(|e| e.field != "reference")).map(|p| {
            view! { <div id="rtv-problem" class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div> }
        })
    };
    // The one step the shipment is waiting for, if the user may take it.
    let step = move || {
        let (step, title, hint, label, button) = match status.get() {
            RtvStatus::Draft if may_ship => {
                (Step::Ship, "rtv.ship_title", "rtv.ship_hint", "rtv.ship_reference", "rtv.ship")
            }
            RtvStatus::Shipped if may_acknowledge => {
                (Step::Acknowledge, "rtv.ack_title", "rtv.ack_hint", "rtv.ack_reference", "rtv.acknowledge")
            }
            _ => return None,
        };
        let id = if step == Step::Ship { "rtv-ship" } else { "rtv-acknowledge" };
        Some(view! {
            <form id=id class="card rtv-step" on:submit=submit(step) novalidate>
                <h2>{t(title)}</h2>
                <p class="muted">{t(hint)}</p>
                <div class="field">
                    <label for="rtv-reference">{t(label)}</label>
                    <input id="rtv-reference" type="text" maxlength="100" autocomplete="off" bind:value=reference
                        aria-describedby="rtv-reference-error"
                        aria-invalid=move || names_field(problem.get().as_ref(), "reference").to_string() />
                    <FieldErrors problem=problem_signal field="reference" id="rtv-reference" />
                </div>
                <button id="rtv-step-submit" type="submit" class="button primary" disabled=busy>{t(button)}</button>
            </form>
        })
    };
    view! {
        <h1 id="rtv-number"><bdi dir="ltr">{move || shipment.with(|s| s.number.clone())}</bdi></h1>
        <p id="rtv-status" data-status=move || crate::query::wire(&status.get())>{move || status_badge(status.get())}</p>
        <Facts names shipment />
        {whole}
        {step}
        <h2 id="rtv-parts-title">{t("rtv.parts_title")}</h2>
        <PartsTable shipment />
    }
}

#[component]
fn Facts(names: Names, shipment: RwSignal<RtvShipmentDto>) -> impl IntoView {
    let i18n = use_i18n();
    let when = move |at: Option<DateTime<Utc>>| {
        at.map(|at| view! { <time datetime=iso_instant(at)>{move || i18n.date_time(at)}</time> })
    };
    let fact = move |key: &'static str, id: &'static str, value: Option<AnyView>| {
        value.map(|v| view! { <dt>{t(key)}</dt><dd id=id>{v}</dd> })
    };
    let facts = move || {
        let s = shipment.get();
        let quantity = s.quantity;
        view! {
            {fact("rtv.warehouse", "rtv-warehouse-value", Some(view! { <bdi>{names.warehouses.label(s.warehouse_id)}</bdi> }.into_any()))}
            {fact("rtv.brand", "rtv-brand-value", Some(names.brand(s.brand_id).into_any()))}
            {fact("rtv.quantity", "rtv-quantity", Some((move || i18n.number(quantity)).into_any()))}
            {fact("rtv.created", "rtv-created", when(Some(s.created_at)).map(IntoAny::into_any))}
            {fact("rtv.shipped_at", "rtv-shipped-at", when(s.shipped_at).map(IntoAny::into_any))}
            {fact("rtv.ship_ref", "rtv-ship-ref", s.ship_reference.clone().map(|r| view! { <bdi>{r}</bdi> }.into_any()))}
            {fact("rtv.acknowledged_at", "rtv-acknowledged-at", when(s.acknowledged_at).map(IntoAny::into_any))}
            {fact("rtv.ack_ref", "rtv-ack-ref", s.ack_reference.clone().map(|r| view! { <bdi>{r}</bdi> }.into_any()))}
            {fact("rtv.note_label", "rtv-note-value", s.note.clone().map(IntoAny::into_any))}
        }
    };
    view! { <dl id="rtv-facts" class="facts rtv-facts">{facts}</dl> }
}

const PART_COLUMNS: &[&str] =
    &["rtv.part", "rtv.ticket", "rtv.technician", "old_parts.quantity", "rtv.handed_in", "old_parts.status"];

#[component]
fn PartsTable(shipment: RwSignal<RtvShipmentDto>) -> impl IntoView {
    let rows = move || shipment.get().parts.into_iter().map(part_row).collect_view();
    view! {
        <div class="table-wrap">
            <table id="rtv-parts-table" class="data">
                <caption class="visually-hidden">{t("rtv.parts_title")}</caption>
                <thead><tr>{PART_COLUMNS.iter().map(|c| view! { <th scope="col">{t(c)}</th> }).collect_view()}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn part_row(p: DefectivePartDto) -> impl IntoView {
    let i18n = use_i18n();
    let quantity = p.quantity;
    let received = p.received_at;
    view! {
        <tr class="rtv-part-line" data-ticket=p.ticket_number.clone() data-status=crate::query::wire(&p.status)>
            <td class="part"><bdi class="code" dir="ltr">{p.part_sku.clone()}</bdi><span class="part-name">{p.part_name.clone()}</span></td>
            <td class="code"><a href=format!("/tickets/{}", p.ticket_id)><bdi dir="ltr">{p.ticket_number.clone()}</bdi></a></td>
            <td>{p.technician_name.clone()}</td>
            <td class="num">{move || i18n.number(quantity)}</td>
            <td>{received.map(|at| view! { <time datetime=iso_instant(at)>{move || i18n.instant_date(at)}</time> })}</td>
            <td>{crate::pages::old_parts::status_badge(p.status)}</td>
        </tr>
    }
}
