//! `/serials/new`: registers a sold unit (`POST /serials`): its model picked by
//! brand, the serial, the sale, the owner found by search, and the other facts.
//! On success the lookup page shows the unit.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::serials::RegisterSerial;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use super::facts::{FactsDraft, OtherFields, SaleFields};
use super::fields::{CustomerPick, browser_error, day_text};
use crate::api::{self, ApiError};
use crate::components::problem::{FieldErrors, browser_problem_of, names_field};
use crate::components::screen::form_problem;
use crate::components::toast::use_toasts;
use crate::i18n::date::today;
use crate::i18n::{t, use_i18n};
use crate::session::{Session, use_session};

#[component]
pub fn SerialRegisterPage() -> impl IntoView {
    let session = use_session();
    view! {
        <section class="page serials-page">
            <p class="no-print"><A href="/serials">{t("serials.back")}</A></p>
            <h1 id="serial-new-title">{t("serials.new_title")}</h1>
            <Show
                when=move || session.may(Permission::ManageCustomers)
                fallback=|| view! { <p id="serial-new-denied" class="alert">{t("serials.may_not")}</p> }
            >
                <RegisterForm session />
            </Show>
        </section>
    }
}

#[component]
fn RegisterForm(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let brand = RwSignal::new(String::new());
    let model = RwSignal::new(String::new());
    let serial = RwSignal::new(String::new());
    let draft = FactsDraft::empty();
    draft.sale_date.set(day_text(&i18n, Some(today())));
    let owner = RwSignal::new(None);
    let problem = RwSignal::new(None::<Problem>);
    let busy = RwSignal::new(false);
    let errors: Signal<Option<Problem>> = problem.into();
    let brands = LocalResource::new(move || api::reference::brands(session));
    let models = LocalResource::new(move || {
        let brand = Uuid::parse_str(&brand.get()).ok();
        async move {
            match brand {
                Some(b) => api::reference::models(session, Some(b)).await.map(|mut m| {
                    m.retain(|m| m.active);
                    m.sort_by(|a, b| a.sku.cmp(&b.sku));
                    m
                }),
                None => Ok(Vec::new()),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        let model_id = Uuid::parse_str(&model.get_untracked()).ok();
        if model_id.is_none() {
            found.push(browser_error("model_id", "serials.error.model_required"));
        }
        let typed = serial.get_untracked().trim().to_owned();
        if typed.is_empty() {
            found.push(browser_error("serial", "serials.error.serial_required"));
        }
        let facts = draft.read(&i18n, &mut found);
        let (Some(model_id), true) = (model_id, found.is_empty()) else {
            problem.set(Some(browser_problem_of(found)));
            return;
        };
        let body = RegisterSerial {
            model_id,
            serial: typed.clone(),
            lot: facts.lot,
            manufacture_date: facts.manufacture_date,
            sale_date: facts.sale_date,
            sale_document: facts.sale_document,
            seller: facts.seller,
            delivery_date: facts.delivery_date,
            installation_date: facts.installation_date,
            installation_address: facts.installation_address,
            registration_date: facts.registration_date,
            warranty_card_number: facts.warranty_card_number,
            owner_customer_id: owner.get_untracked().map(|c: aftersales_api_types::customers::CustomerDto| c.id),
        };
        let brand_id = Uuid::parse_str(&brand.get_untracked()).ok();
        problem.set(None);
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::serials::register(session, &body).await {
                Ok(unit) => {
                    toasts.show(i18n.format("serials.registered", &[("serial", &unit.serial)]));
                    let encoded = String::from(js_sys::encode_uri_component(&unit.serial));
                    navigate(&format!("/serials?serial={encoded}"), Default::default());
                }
                Err(e) => {
                    let shown = refusal(session, e, &typed, brand_id).await;
                    problem.try_set(Some(shown));
                }
            }
            busy.try_set(false);
        });
    };
    let brand_options = move || {
        brands.get().map(|answer| {
            let list = answer.unwrap_or_default();
            list.into_iter()
                .filter(|b| b.active)
                .map(|b| view! { <option value=b.id.to_string() data-code=b.code.clone()>{b.name}</option> })
                .collect_view()
        })
    };
    let model_options = move || {
        models.get().map(|answer| {
            answer
                .unwrap_or_default()
                .into_iter()
                .map(|m| {
                    let label = format!("{} — {}", m.sku, m.name);
                    view! { <option value=m.id.to_string() data-sku=m.sku>{label}</option> }
                })
                .collect_view()
        })
    };
    let invalid = move |field: &'static str| move || problem.with(|p| names_field(p.as_ref(), field)).to_string();
    view! {
        <form id="serial-new-form" class="card registry-form" on:submit=submit novalidate>
            {form_problem(problem, "serial-new-problem")}
            <div class="form-grid">
                <div class="field">
                    <label for="serial-new-brand">{t("serials.brand")}</label>
                    <select id="serial-new-brand" on:change=move |ev| {
                        brand.set(event_target_value(&ev));
                        model.set(String::new());
                    }>
                        <option value="">{t("serials.pick")}</option>
                        {brand_options}
                    </select>
                </div>
                <div class="field">
                    <label for="serial-new-model">{t("serials.model")}</label>
                    <select id="serial-new-model" prop:value=move || model.get()
                        on:change=move |ev| model.set(event_target_value(&ev))
                        aria-invalid=invalid("model_id") aria-describedby="serial-new-model-error">
                        <option value="">{t("serials.pick")}</option>
                        {model_options}
                    </select>
                    <FieldErrors problem=errors field="model_id" id="serial-new-model" />
                </div>
                <div class="field">
                    <label for="serial-new-serial">{t("serials.serial_label")}</label>
                    <input id="serial-new-serial" type="text" dir="ltr" autocomplete="off" autocapitalize="characters"
                        spellcheck="false" maxlength="80" bind:value=serial
                        aria-invalid=invalid("serial") aria-describedby="serial-new-serial-error" />
                    <FieldErrors problem=errors field="serial" id="serial-new-serial" />
                </div>
                <SaleFields draft problem />
                <CustomerPick id="serial-new-owner" chosen=owner problem field="owner_customer_id" />
            </div>
            <details class="registry-more">
                <summary>{t("serials.more_facts")}</summary>
                <div class="form-grid">
                    <OtherFields draft problem />
                </div>
            </details>
            <div class="form-actions">
                <button id="serial-new-submit" type="submit" class="button primary" disabled=move || busy.get()>
                    {move || i18n.text(if busy.get() { "serials.saving" } else { "serials.register" })}
                </button>
            </div>
        </form>
    }
}

/// The refusal as the form shows it: a 409 names the serial when the brand has it
/// already, else the warranty card (on another unit).
async fn refusal(session: Session, e: ApiError, serial: &str, brand_id: Option<Uuid>) -> Problem {
    let mut problem = e.problem;
    if problem.status == 409 && problem.errors.is_empty() {
        let taken = api::serials::find(session, serial, brand_id).await.map(|u| !u.is_empty()).unwrap_or(false);
        let error = if taken {
            browser_error("serial", "serials.error.serial_taken")
        } else {
            browser_error("warranty_card_number", "serials.error.card_taken")
        };
        problem.errors.push(error);
        problem.detail = None;
    }
    problem
}
