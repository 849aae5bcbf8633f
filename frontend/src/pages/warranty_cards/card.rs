//! One card by its number (`?card=…` in the address): its state, brand and unit;
//! an issued card is activated on a unit found by its serial, or voided with a
//! reason.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::warranty_cards::{ActivateCard, CardDto, CardStatus, VoidCard};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api;
use crate::components::problem::{ProblemView, browser_problem_of};
use crate::components::screen::form_problem;
use crate::components::toast::use_toasts;
use crate::i18n::date::{iso_date, today};
use crate::i18n::{t, use_i18n};
use crate::pages::serials::fields::{DateField, TextField, browser_error, day_text, read_day};
use crate::session::use_session;

pub fn status_key(status: CardStatus) -> &'static str {
    match status {
        CardStatus::Issued => "cards.status.issued",
        CardStatus::Activated => "cards.status.activated",
        CardStatus::Void => "cards.status.void",
    }
}

fn status_wire(status: CardStatus) -> &'static str {
    match status {
        CardStatus::Issued => "issued",
        CardStatus::Activated => "activated",
        CardStatus::Void => "void",
    }
}

#[component]
pub fn CardLookup() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let number = Memo::new(move |_| query.read().get("card").map(|s| s.trim().to_owned()).unwrap_or_default());
    let changes = RwSignal::new(0_u32);
    let found = LocalResource::new(move || {
        let number = number.get();
        changes.track();
        async move {
            if number.is_empty() {
                return None;
            }
            Some(api::warranty_cards::card(session, &number).await)
        }
    });
    // A number that names no card is answered beside the field.
    let unknown = Signal::derive(move || matches!(found.get(), Some(Some(Err(e))) if e.problem.status == 404));
    let body = move || {
        Suspend::new(async move {
            match found.await {
                None => ().into_any(),
                Some(Err(e)) if e.problem.status == 404 => ().into_any(),
                Some(Ok(card)) => view! { <CardView card changes /> }.into_any(),
                Some(Err(e)) => {
                    view! { <div class="alert" role="alert"><ProblemView problem=e.problem /></div> }.into_any()
                }
            }
        })
    };
    view! {
        <section class="card cards-lookup" aria-labelledby="cards-lookup-title">
            <h2 id="cards-lookup-title">{t("cards.lookup")}</h2>
            {move || view! { <NumberForm initial=number.get() unknown /> }}
            <Transition fallback=|| view! { <p class="muted" role="status">{t("table.loading")}</p> }>{body}</Transition>
        </section>
    }
}

/// The number field; submitting puts the number into the address.
#[component]
fn NumberForm(initial: String, unknown: Signal<bool>) -> impl IntoView {
    let navigate = use_navigate();
    let typed = RwSignal::new(initial);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = typed.get_untracked();
        let value = value.trim();
        if !value.is_empty() {
            let encoded = String::from(js_sys::encode_uri_component(value));
            navigate(&format!("/warranty-cards?card={encoded}"), Default::default());
        }
    };
    view! {
        <form id="cards-lookup-form" class="serials-form" role="search" on:submit=submit>
            <div class="field">
                <label for="cards-number">{t("cards.number")}</label>
                <input id="cards-number" type="search" dir="ltr" autocomplete="off" autocapitalize="characters"
                    spellcheck="false" required maxlength="40" bind:value=typed
                    aria-invalid=move || unknown.get().to_string()
                    aria-describedby="cards-number-hint cards-number-error" />
                <small id="cards-number-hint" class="muted">{t("cards.number_hint")}</small>
                <Show when=move || unknown.get()>
                    <p id="cards-number-error" class="field-error" role="alert">{t("cards.error.unknown")}</p>
                </Show>
            </div>
            <button id="cards-lookup-submit" type="submit" class="button primary">{t("cards.find")}</button>
        </form>
    }
}

#[component]
fn CardView(card: CardDto, changes: RwSignal<u32>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let (brand_id, serial_id) = (card.brand_id, card.serial_id);
    let names = LocalResource::new(move || async move {
        let brand = api::reference::brand(session, brand_id).await.ok().map(|b| b.name);
        let serial = match serial_id {
            Some(id) => api::serials::get(session, id).await.ok().map(|u| u.serial),
            None => None,
        };
        (brand, serial)
    });
    let brand = move || names.get().and_then(|(b, _)| b).unwrap_or_default();
    let unit = move || {
        names.get().and_then(|(_, s)| s).map(|serial| {
            let href = format!("/serials?serial={}", String::from(js_sys::encode_uri_component(&serial)));
            view! {
                <dt>{t("cards.unit")}</dt>
                <dd><a id="card-unit" href=href class="code"><bdi>{serial}</bdi></a></dd>
            }
        })
    };
    let issued = card.status == CardStatus::Issued;
    let (to_activate, to_void) = (card.number.clone(), card.number.clone());
    let activated = card.activated_on.map(|day| {
        view! {
            <dt>{t("cards.activated_on")}</dt>
            <dd><time id="card-activated-on" datetime=iso_date(day)>{move || i18n.date(day)}</time></dd>
        }
    });
    view! {
        <article id="card-view" class="cards-card" data-status=status_wire(card.status)>
            <dl class="profile">
                <dt>{t("cards.number")}</dt>
                <dd id="card-number" class="code" dir="ltr">{card.number.clone()}</dd>
                <dt>{t("cards.state")}</dt>
                <dd><span id="card-status" class="chip">{t(status_key(card.status))}</span></dd>
                <dt>{t("cards.brand")}</dt>
                <dd id="card-brand"><bdi>{brand}</bdi></dd>
                {unit}
                {activated}
            </dl>
            {issued.then(|| view! {
                <Show when=move || session.may(Permission::ManageCustomers)>
                    <ActivateForm number=to_activate.clone() brand_id changes />
                </Show>
                <Show when=move || session.may(Permission::ManageWarranty)>
                    <VoidForm number=to_void.clone() changes />
                </Show>
            })}
        </article>
    }
}

#[component]
fn ActivateForm(number: String, brand_id: uuid::Uuid, changes: RwSignal<u32>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let serial = RwSignal::new(String::new());
    let on = RwSignal::new(day_text(&i18n, Some(today())));
    let problem = RwSignal::new(None::<Problem>);
    let busy = RwSignal::new(false);
    let number = StoredValue::new(number);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        let typed = serial.get_untracked().trim().to_owned();
        if typed.is_empty() {
            found.push(browser_error("serial", "cards.error.serial_required"));
        }
        let day = read_day(&i18n, &on.get_untracked(), "activated_on", &mut found);
        if day.is_none() && !found.iter().any(|e| e.field == "activated_on") {
            found.push(browser_error("activated_on", "serials.error.date_required"));
        }
        let (Some(activated_on), true) = (day, found.is_empty()) else {
            problem.set(Some(browser_problem_of(found)));
            return;
        };
        problem.set(None);
        busy.set(true);
        let number = number.get_value();
        spawn_local(async move {
            let outcome = async {
                let units = api::serials::find(session, &typed, Some(brand_id)).await?;
                let Some(unit) = units.into_iter().next() else {
                    return Ok(Err(browser_error("serial", "cards.error.unit_unknown")));
                };
                if unit.warranty_card_number.is_some() {
                    return Ok(Err(browser_error("serial", "cards.error.unit_has_card")));
                }
                let body = ActivateCard { serial_id: unit.id, activated_on };
                api::warranty_cards::activate(session, &number, &body).await.map(Ok)
            };
            match outcome.await {
                Ok(Ok(card)) => {
                    toasts.show(i18n.format("cards.activated", &[("number", &card.number)]));
                    changes.try_update(|n| *n += 1);
                }
                Ok(Err(field)) => {
                    problem.try_set(Some(browser_problem_of(vec![field])));
                }
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
            busy.try_set(false);
        });
    };
    view! {
        <form id="card-activate-form" class="registry-form" on:submit=submit novalidate>
            <h3>{t("cards.activate_title")}</h3>
            {form_problem(problem, "card-activate-problem")}
            <div class="form-grid">
                <TextField id="card-activate-serial" field="serial" label="serials.serial_label" value=serial problem
                    maxlength=80 ltr=true />
                <DateField id="card-activate-on" field="activated_on" label="cards.activated_on" value=on problem />
            </div>
            <div class="form-actions">
                <button id="card-activate-submit" type="submit" class="button primary" disabled=move || busy.get()>
                    {t("cards.activate")}
                </button>
            </div>
        </form>
    }
}

#[component]
fn VoidForm(number: String, changes: RwSignal<u32>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let reason = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let busy = RwSignal::new(false);
    let number = StoredValue::new(number);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let why = reason.get_untracked().trim().to_owned();
        if why.is_empty() {
            problem.set(Some(browser_problem_of(vec![browser_error("reason", "cards.error.reason_required")])));
            return;
        }
        problem.set(None);
        busy.set(true);
        let number = number.get_value();
        spawn_local(async move {
            match api::warranty_cards::void(session, &number, &VoidCard { reason: why }).await {
                Ok(card) => {
                    toasts.show(i18n.format("cards.voided", &[("number", &card.number)]));
                    changes.try_update(|n| *n += 1);
                }
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
            busy.try_set(false);
        });
    };
    view! {
        <form id="card-void-form" class="registry-form" on:submit=submit novalidate>
            <h3>{t("cards.void_title")}</h3>
            {form_problem(problem, "card-void-problem")}
            <div class="form-grid">
                <TextField id="card-void-reason" field="reason" label="cards.void_reason" value=reason problem maxlength=200 />
            </div>
            <div class="form-actions">
                <button id="card-void-submit" type="submit" class="button secondary danger" disabled=move || busy.get()>
                    {t("cards.void")}
                </button>
            </div>
        </form>
    }
}
