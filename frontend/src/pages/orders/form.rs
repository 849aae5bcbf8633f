//! Taking an order in by hand (`POST /orders`): who sold it, the platform's
//! order number, where it is now, its days, the buyer (found by phone, else
//! registered), the installation address and the units sold. Mistakes found
//! here or by the server stand beside their fields; on success the order opens.

use aftersales_api_types::customers::{CustomerKind, PhoneInput};
use aftersales_api_types::orders::{CreateOrder, OrderStatus};
use aftersales_api_types::problem::{FieldError, Problem};
use aftersales_api_types::tickets::IntakeCustomer;
use aftersales_api_types::users::Locale as ProfileLocale;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use super::form_lines::{LineDraft, LinesEditor, check_lines};
use super::{Names, status_key};
use crate::api;
use crate::components::problem::browser_problem_of;
use crate::components::problem::{FieldErrors, FieldGroupErrors, names_any};
use crate::components::screen::{form_problem, invalid, opt};
use crate::components::toast::use_toasts;
use crate::i18n::date::today;
use crate::i18n::{Locale, t, use_i18n};

/// The statuses an order may be taken in with.
const STARTS: [OrderStatus; 4] =
    [OrderStatus::New, OrderStatus::Confirmed, OrderStatus::Shipped, OrderStatus::Delivered];

/// The server's refusal as the form shows it: a taken order number in words.
fn refusal(mut problem: Problem) -> Problem {
    for e in &mut problem.errors {
        if e.field == "external_reference" && e.code == "taken" {
            e.message = "orders.error.reference_taken".to_owned();
        }
    }
    problem
}

fn profile_locale(locale: Locale) -> ProfileLocale {
    match locale {
        Locale::En => ProfileLocale::En,
        Locale::Vi => ProfileLocale::Vi,
        Locale::Fa => ProfileLocale::Fa,
        Locale::Zh => ProfileLocale::Zh,
    }
}

/// A field of the buyer in the request: `customer.name`.
fn buyer(field: &str) -> String {
    format!("customer.{field}")
}

/// One text field: a label, the input bound to `value`, and the messages of `field`.
fn text_field(
    problem: RwSignal<Option<Problem>>,
    id: &'static str,
    field: String,
    label: &'static str,
    value: RwSignal<String>,
    ltr: bool,
) -> impl IntoView {
    let errors: Signal<Option<Problem>> = problem.into();
    let fields = vec![field];
    let shown = fields.clone();
    view! {
        <div class="field">
            <label for=id>{t(label)}</label>
            <input id=id type="text" dir=if ltr { "ltr" } else { "auto" } autocomplete="off" bind:value=value
                aria-invalid=move || problem.with(|p| names_any(p.as_ref(), &shown)).to_string()
                aria-describedby=format!("{id}-error") />
            <FieldGroupErrors problem=errors fields id=id.to_owned() />
        </div>
    }
}

#[component]
pub fn NewOrderForm(names: Names, on_close: Callback<()>) -> impl IntoView {
    let session = names.session;
    let i18n = use_i18n();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let sellers: Vec<_> = names.sellers.get_value().unwrap_or_default().into_iter().filter(|p| p.active).collect();
    // The only one there is needs no choosing.
    let only = sellers.first().filter(|_| sellers.len() == 1).map(|p| p.id.to_string());
    let partner = RwSignal::new(only.unwrap_or_default());
    let reference = RwSignal::new(String::new());
    let status = RwSignal::new(OrderStatus::Delivered.as_str().to_owned());
    let today_text = untrack(|| i18n.date_input_value(today()));
    let ordered_on = RwSignal::new(today_text.clone());
    let delivered_on = RwSignal::new(today_text);
    let buyer_name = RwSignal::new(String::new());
    let buyer_phone = RwSignal::new(String::new());
    let buyer_company = RwSignal::new(false);
    let buyer_locale = RwSignal::new(untrack(|| i18n.locale()).code().to_owned());
    let address = RwSignal::new(String::new());
    let lines = RwSignal::new(vec![LineDraft::new(0)]);
    let problem = RwSignal::new(None::<Problem>);
    let errors: Signal<Option<Problem>> = problem.into();
    let delivered = move || status.get() == OrderStatus::Delivered.as_str();

    let create = Action::new_local(move |body: &CreateOrder| {
        let body = body.clone();
        let navigate = navigate.clone();
        async move {
            match api::orders::create(session, &body).await {
                Ok(order) => {
                    let text = i18n.format("orders.created", &[("reference", &order.external_reference)]);
                    toasts.show(text);
                    navigate(&format!("/orders/{}", order.id), NavigateOptions::default());
                }
                Err(e) => {
                    problem.try_set(Some(refusal(e.problem)));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        let mut fail = |field: &str, key: &str| found.push(FieldError::new(field, "invalid", key));
        let partner_id = Uuid::parse_str(&partner.get_untracked()).ok();
        if partner_id.is_none() {
            fail("partner_id", "orders.error.partner");
        }
        let external_reference = reference.get_untracked().trim().to_owned();
        if external_reference.is_empty() {
            fail("external_reference", "orders.error.reference");
        }
        let status = OrderStatus::parse(&status.get_untracked()).unwrap_or(OrderStatus::New);
        let ordered = i18n.parse_date(&ordered_on.get_untracked());
        if ordered.is_none() {
            fail("ordered_on", "orders.error.date");
        }
        let delivered = match status {
            OrderStatus::Delivered => {
                let day = i18n.parse_date(&delivered_on.get_untracked());
                if day.is_none() {
                    fail("delivered_on", "orders.error.date");
                }
                day
            }
            _ => None,
        };
        let name = buyer_name.get_untracked().trim().to_owned();
        if name.is_empty() {
            fail(&buyer("name"), "orders.error.name");
        }
        let phone = buyer_phone.get_untracked().trim().to_owned();
        if phone.is_empty() {
            fail(&buyer("phones[0].number"), "orders.error.phone");
        }
        let order_lines = check_lines(&lines.get_untracked(), &mut found);
        let (Some(ordered_on), true) = (ordered, found.is_empty()) else {
            problem.set(Some(browser_problem_of(found)));
            return;
        };
        let locale = Locale::from_code(&buyer_locale.get_untracked()).unwrap_or(Locale::En);
        problem.set(None);
        create.dispatch_local(CreateOrder {
            partner_id,
            branch_id: None,
            external_reference,
            status,
            ordered_on,
            delivered_on: delivered,
            customer_id: None,
            customer: Some(IntakeCustomer {
                kind: if buyer_company.get_untracked() { CustomerKind::Company } else { CustomerKind::Individual },
                name,
                locale: profile_locale(locale),
                phones: vec![PhoneInput { number: phone, label: None }],
                emails: Vec::new(),
                addresses: Vec::new(),
                allow_duplicate: false,
            }),
            installation_address: opt(&address.get_untracked()),
            lines: order_lines,
        });
    };

    let no_sellers = match names.sellers.get_value() {
        None => Some("orders.sellers_hidden"),
        Some(_) if sellers.is_empty() => Some("orders.no_sellers"),
        Some(_) => None,
    };
    let seller_options = sellers
        .into_iter()
        .map(|p| {
            let id = p.id.to_string();
            let mine = id.clone();
            view! {
                <option value=id data-code=p.code.clone() selected=move || partner.get() == mine>
                    {format!("{} — {}", p.code, p.name)}
                </option>
            }
        })
        .collect_view();
    let status_options = STARTS
        .into_iter()
        .map(|s| view! { <option value=s.as_str() selected=move || status.get() == s.as_str()>{t(status_key(s))}</option> })
        .collect_view();
    let locale_options = Locale::ALL
        .into_iter()
        .map(|l| view! { <option value=l.code() selected=move || buyer_locale.get() == l.code()>{l.native_name()}</option> })
        .collect_view();
    let date_hint = move || {
        let example = i18n.date_input_value(today());
        i18n.format("orders.date_hint", &[("example", &example)])
    };
    view! {
        <form id="order-form" class="card settings-form" on:submit=submit novalidate>
            <h2>{t("orders.form_title")}</h2>
            {no_sellers.map(|key| view! { <p id="order-no-sellers" class="notice" role="status">{t(key)}</p> })}
            {form_problem(problem, "order-problem")}
            <div class="form-grid">
                <div class="field">
                    <label for="order-partner">{t("orders.partner")}</label>
                    <select id="order-partner" on:change=move |ev| partner.set(event_target_value(&ev))
                        aria-invalid=invalid(problem, "partner_id") aria-describedby="order-partner-error">
                        <option value="">{t("orders.choose_partner")}</option>
                        {seller_options}
                    </select>
                    <FieldErrors problem=errors field="partner_id" id="order-partner" />
                </div>
                {text_field(problem, "order-reference", "external_reference".to_owned(), "orders.reference", reference, true)}
                <div class="field">
                    <label for="order-initial-status">{t("orders.initial_status")}</label>
                    <select id="order-initial-status" on:change=move |ev| status.set(event_target_value(&ev))
                        aria-invalid=invalid(problem, "status") aria-describedby="order-initial-status-error">
                        {status_options}
                    </select>
                    <FieldErrors problem=errors field="status" id="order-initial-status" />
                </div>
                {text_field(problem, "order-ordered-on", "ordered_on".to_owned(), "orders.ordered_on", ordered_on, true)}
                <Show when=delivered>
                    {text_field(problem, "order-delivered-on", "delivered_on".to_owned(), "orders.delivered_on", delivered_on, true)}
                </Show>
                <p id="order-date-hint" class="hint muted wide">{date_hint}</p>
                <fieldset id="order-buyer" class="wide">
                    <legend>{t("orders.buyer")}</legend>
                    <p class="hint muted">{t("orders.buyer_hint")}</p>
                    {text_field(problem, "order-buyer-name", buyer("name"), "orders.buyer_name", buyer_name, false)}
                    {text_field(problem, "order-buyer-phone", buyer("phones[0].number"), "orders.buyer_phone", buyer_phone, true)}
                    <FieldGroupErrors problem=errors fields=vec!["customer".to_owned(), buyer("phones"), "customer_id".to_owned()]
                        id="order-buyer".to_owned() />
                    <div class="field">
                        <label for="order-buyer-locale">{t("orders.buyer_locale")}</label>
                        <select id="order-buyer-locale" on:change=move |ev| buyer_locale.set(event_target_value(&ev))>
                            {locale_options}
                        </select>
                    </div>
                    <div class="field check">
                        <input id="order-buyer-company" type="checkbox" bind:checked=buyer_company />
                        <label for="order-buyer-company">{t("orders.buyer_company")}</label>
                    </div>
                </fieldset>
                <div class="field wide">
                    <label for="order-address">{t("orders.address")}</label>
                    <textarea id="order-address" rows="2" maxlength="400" bind:value=address
                        aria-invalid=invalid(problem, "installation_address") aria-describedby="order-address-error"></textarea>
                    <FieldErrors problem=errors field="installation_address" id="order-address" />
                </div>
                <LinesEditor names lines problem=errors />
            </div>
            <div class="form-actions">
                <button id="order-submit" type="submit" class="button primary" disabled=move || create.pending().get()>
                    {move || i18n.text(if create.pending().get() { "orders.saving" } else { "orders.submit" })}
                </button>
                <button id="order-cancel" type="button" class="button secondary" on:click=move |_| on_close.run(())>
                    {t("orders.cancel")}
                </button>
            </div>
        </form>
    }
}
