//! `/settings/service-items`: the priced services of each product category
//! (`GET/POST /service-items`, `PATCH/DELETE /service-items/{id}`): code, names in
//! every language, price with its currency, standard time, retiring.

use aftersales_api_types::problem::Problem;
use aftersales_api_types::service_items::{CreateServiceItem, Money, ServiceItemDto, UpdateServiceItem};
use leptos::prelude::*;
use uuid::Uuid;

use super::fault_codes::{Categories, with_categories};
use super::names::{NameSignals, NamesFields, local_name};
use crate::api;
use crate::components::problem::{FieldErrors, browser_problem};
use crate::components::screen::{DeleteButton, FormActions, NewButton, Screen, form_problem, invalid};
use crate::components::table::ListTable;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

// Field paths of the problem's errors (built so they do not read as catalogue keys).
const PRICE_AMOUNT: &str = concat!("price", ".amount");
const PRICE_CURRENCY: &str = concat!("price", ".currency");

const COLUMNS: &[&str] = &[
    "settings.code",
    "settings.category",
    "settings.name",
    "settings.price",
    "settings.minutes",
    "settings.status",
    "settings.actions",
];

#[component]
pub fn ServiceItemsPage() -> impl IntoView {
    view! {
        <section class="page settings-page">
            <h1>{t("settings.service_items.title")}</h1>
            <p class="hint">{t("settings.service_items.intro")}</p>
            {with_categories(|categories| view! { <ServiceItemsScreen categories /> })}
        </section>
    }
}

#[component]
fn ServiceItemsScreen(categories: Categories) -> impl IntoView {
    let screen = Screen::<ServiceItemDto>::new(use_session());
    let session = screen.session;
    let list = LocalResource::new(move || {
        let _ = screen.changes.get();
        api::reference::service_items(session, None, false)
    });
    let form = move || screen.editing.get().map(|current| view! { <ServiceItemForm screen categories current /> });
    view! {
        <NewButton screen id="service-new" label="settings.service_items.new" />
        {form}
        <ListTable id="service-table" caption="settings.service_items.title" columns=COLUMNS empty="settings.service_items.empty" list row=move |r| service_row(screen, categories, r).into_any() />
    }
}

fn service_row(screen: Screen<ServiceItemDto>, categories: Categories, item: ServiceItemDto) -> impl IntoView {
    let i18n = use_i18n();
    let names = item.names.clone();
    let price = item.price.clone();
    let minutes = i64::from(item.standard_minutes);
    let active = item.active;
    let edit_row = item.clone();
    view! {
        <tr data-code=item.code.clone() class:inactive=!active>
            <td class="code"><bdi>{item.code.clone()}</bdi></td>
            <td><bdi>{categories.label(item.category_id)}</bdi></td>
            <td class="name">{move || local_name(i18n.locale(), &names)}</td>
            <td class="price num"><bdi>{move || i18n.money(&price.amount, &price.currency)}</bdi></td>
            <td class="minutes num">{move || i18n.number(minutes)}</td>
            <td class="status">{move || i18n.text(if active { "settings.active" } else { "settings.retired" })}</td>
            <td class="actions">
                <button type="button" class="button link settings-edit"
                    on:click=move |_| screen.editing.set(Some(Some(edit_row.clone())))>{t("settings.edit")}</button>
                <DeleteButton session=screen.session path=api::settings::SERVICE_ITEMS id=item.id code=item.code.clone() changes=screen.changes />
            </td>
        </tr>
    }
}

type Save = crate::api::Save<CreateServiceItem, UpdateServiceItem>;

#[component]
fn ServiceItemForm(
    screen: Screen<ServiceItemDto>,
    categories: Categories,
    current: Option<ServiceItemDto>,
) -> impl IntoView {
    let session = screen.session;
    let is_new = current.is_none();
    let first = categories.0.with_value(|l| l.iter().find(|c| c.active).map(|c| c.id.to_string())).unwrap_or_default();
    let category = RwSignal::new(current.as_ref().map_or(first, |c| c.category_id.to_string()));
    let code = RwSignal::new(current.as_ref().map(|c| c.code.clone()).unwrap_or_default());
    let names = NameSignals::new(current.as_ref().map(|c| &c.names));
    let amount = RwSignal::new(current.as_ref().map(|c| c.price.amount.clone()).unwrap_or_default());
    let currency = RwSignal::new(current.as_ref().map(|c| c.price.currency.clone()).unwrap_or_default());
    let minutes = RwSignal::new(current.as_ref().map(|c| c.standard_minutes.to_string()).unwrap_or_default());
    let retired = RwSignal::new(current.as_ref().is_some_and(|c| !c.active));
    let problem = RwSignal::new(None::<Problem>);
    let errors: Signal<Option<Problem>> = problem.into();

    let save = Action::new_local(move |save: &Save| {
        let save = save.clone();
        async move {
            let answer = match &save {
                Save::Create(body) => api::settings::create_service_item(session, body).await,
                Save::Update(id, version, body) => {
                    api::settings::update_service_item(session, *id, *version, body).await
                }
            };
            screen.settle(answer.map(|saved| saved.code), problem, "code", "settings.error.code_taken");
        }
    });
    let before = current.as_ref().map(|c| (c.id, c.version));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(standard_minutes) =
            minutes.get_untracked().trim().parse::<i32>().ok().filter(|m| (0..=10_000).contains(m))
        else {
            problem.set(Some(browser_problem(&[("standard_minutes", "settings.error.minutes")])));
            return;
        };
        let price = Money {
            amount: amount.get_untracked().trim().to_owned(),
            currency: currency.get_untracked().trim().to_uppercase(),
        };
        let request = match before {
            None => Save::Create(CreateServiceItem {
                category_id: Uuid::parse_str(&category.get_untracked()).unwrap_or_default(),
                code: code.get_untracked(),
                names: names.names(),
                price,
                standard_minutes,
            }),
            Some((id, version)) => Save::Update(
                id,
                version,
                UpdateServiceItem {
                    names: Some(names.names()),
                    price: Some(price),
                    standard_minutes: Some(standard_minutes),
                    active: Some(!retired.get_untracked()),
                },
            ),
        };
        problem.set(None);
        save.dispatch_local(request);
    };
    let title = if is_new { "settings.service_items.new" } else { "settings.service_items.edit" };
    view! {
        <form id="service-form" class="card settings-form" on:submit=submit novalidate>
            <h2>{t(title)}</h2>
            {form_problem(problem, "service-problem")}
            <div class="form-grid">
                <div class="field">
                    <label for="service-category">{t("settings.category")}</label>
                    <select id="service-category" on:change=move |ev| category.set(event_target_value(&ev)) disabled=!is_new
                        aria-invalid=invalid(problem, "category_id") aria-describedby="service-category-error">
                        {categories.options(category)}
                    </select>
                    <FieldErrors problem=errors field="category_id" id="service-category" />
                </div>
                <div class="field">
                    <label for="service-code">{t("settings.code")}</label>
                    <input id="service-code" type="text" dir="ltr" maxlength="32" autocomplete="off" bind:value=code
                        disabled=!is_new aria-invalid=invalid(problem, "code") aria-describedby="service-code-error" />
                    <FieldErrors problem=errors field="code" id="service-code" />
                </div>
                <NamesFields names problem ids=["service-name-en", "service-name-vi", "service-name-fa", "service-name-zh"] />
                <div class="field">
                    <label for="service-amount">{t("settings.price")}</label>
                    <input id="service-amount" type="text" inputmode="decimal" dir="ltr" maxlength="19" autocomplete="off"
                        bind:value=amount aria-invalid=invalid(problem, PRICE_AMOUNT) aria-describedby="service-amount-error" />
                    <p class="hint">{t("settings.price_hint")}</p>
                    <FieldErrors problem=errors field=PRICE_AMOUNT id="service-amount" />
                </div>
                <div class="field">
                    <label for="service-currency">{t("settings.currency")}</label>
                    <input id="service-currency" type="text" dir="ltr" maxlength="3" autocomplete="off" placeholder="VND"
                        bind:value=currency aria-invalid=invalid(problem, PRICE_CURRENCY) aria-describedby="service-currency-error" />
                    <FieldErrors problem=errors field=PRICE_CURRENCY id="service-currency" />
                </div>
                <div class="field">
                    <label for="service-minutes">{t("settings.minutes")}</label>
                    <input id="service-minutes" type="text" inputmode="numeric" dir="ltr" maxlength="5" autocomplete="off"
                        bind:value=minutes aria-invalid=invalid(problem, "standard_minutes") aria-describedby="service-minutes-error" />
                    <FieldErrors problem=errors field="standard_minutes" id="service-minutes" />
                </div>
                {(!is_new).then(|| view! {
                    <div class="field check">
                        <input id="service-retired" type="checkbox" bind:checked=retired />
                        <label for="service-retired">{t("settings.retire")}</label>
                    </div>
                })}
            </div>
            <FormActions prefix="service" pending=save.pending().into() on_cancel=Callback::new(move |()| screen.editing.set(None)) />
        </form>
    }
}
