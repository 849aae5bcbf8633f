//! Step 3: the customer. The unit's owner comes prefilled; the clerk may search
//! the customers instead, or register a new one on the spot.

use aftersales_api_types::customers::{CreateCustomer, CustomerDto, CustomerKind, PhoneInput};
use aftersales_api_types::problem::Problem;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Draft;
use crate::api;
use crate::components::problem::{FieldErrors, ProblemView, names_field, without_fields};
use crate::i18n::t;
use crate::session::use_session;

#[component]
pub fn CustomerStep(draft: Draft) -> impl IntoView {
    let problem = draft.problem_signal();
    let chosen = move || {
        draft.customer.get().map(|c| {
            let phones = c.phones.iter().map(|p| p.number.clone()).collect::<Vec<_>>().join(", ");
            view! {
                <div id="intake-customer" class="intake-chosen" role="status" data-id=c.id.to_string()>
                    <strong id="intake-customer-name"><bdi>{c.name}</bdi></strong>
                    " · "
                    <bdi dir="ltr">{phones}</bdi>
                    " "
                    <button id="intake-customer-change" type="button" class="button secondary"
                        on:click=move |_| draft.customer.set(None)>
                        {t("intake.customer_change")}
                    </button>
                </div>
            }
        })
    };
    view! {
        <li class="card intake-step" aria-labelledby="intake-step3">
            <h2 id="intake-step3">{t("intake.step.customer")}</h2>
            {chosen}
            <FieldErrors problem field="customer_id" id="intake-customer_id" />
            <Show when=move || draft.customer.with(Option::is_none)>
                <p class="muted" aria-invalid=move || names_field(problem.get().as_ref(), "customer_id").to_string()>
                    {t("intake.customer_hint")}
                </p>
                <CustomerSearch draft />
                <NewCustomer draft />
            </Show>
        </li>
    }
}

#[component]
fn CustomerSearch(draft: Draft) -> impl IntoView {
    let session = use_session();
    let typed = RwSignal::new(String::new());
    let query = RwSignal::new(None::<String>);
    let found = LocalResource::new(move || {
        let q = query.get();
        async move {
            match q {
                Some(q) => Some(api::intake::search_customers(session, q).await),
                None => None,
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = typed.get_untracked().trim().to_owned();
        if !q.is_empty() {
            query.set(Some(q));
        }
    };
    let list = move || {
        found.get().map(|answer| match answer {
            None => ().into_any(),
            Some(Ok(list)) if list.is_empty() => {
                view! { <p id="intake-customer-none" class="muted" role="status">{t("intake.customer_none")}</p> }
                    .into_any()
            }
            Some(Ok(list)) => view! {
                <ul id="intake-customer-results" class="intake-choices">
                    {list.into_iter().map(|c| view! { <CustomerChoice draft customer=c /> }).collect_view()}
                </ul>
            }
            .into_any(),
            Some(Err(e)) => {
                view! { <div class="alert" role="alert"><ProblemView problem=e.problem /></div> }.into_any()
            }
        })
    };
    view! {
        <form id="intake-customer-search" class="intake-find" role="search" on:submit=submit>
            <div class="field">
                <label for="intake-customer-q">{t("intake.customer_search")}</label>
                <input id="intake-customer-q" type="search" dir="auto" autocomplete="off" maxlength="100"
                    bind:value=typed />
            </div>
            <button id="intake-customer-find" type="submit" class="button">{t("intake.find")}</button>
        </form>
        <Transition fallback=|| view! { <p class="muted" role="status">{t("table.loading")}</p> }>{list}</Transition>
    }
}

#[component]
fn CustomerChoice(draft: Draft, customer: CustomerDto) -> impl IntoView {
    let phone = customer.phones.first().map(|p| p.number.clone()).unwrap_or_default();
    let name = customer.name.clone();
    view! {
        <li>
            <button type="button" class="button secondary intake-customer-choice" data-id=customer.id.to_string()
                on:click=move |_| draft.customer.set(Some(customer.clone()))>
                <bdi>{name}</bdi>
                " · "
                <bdi dir="ltr">{phone}</bdi>
            </button>
        </li>
    }
}

/// Registers a customer (`POST /customers`) and takes them for the ticket.
#[component]
fn NewCustomer(draft: Draft) -> impl IntoView {
    let session = use_session();
    let name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let company = RwSignal::new(false);
    let problem = RwSignal::new(None::<Problem>);
    let (busy, set_busy) = signal(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(user) = session.user() else { return };
        let body = CreateCustomer {
            branch_id: user.branch_id,
            kind: if company.get_untracked() { CustomerKind::Company } else { CustomerKind::Individual },
            name: name.get_untracked().trim().to_owned(),
            tax_id: None,
            locale: Default::default(),
            source: Default::default(),
            notes: None,
            phones: vec![PhoneInput { number: phone.get_untracked().trim().to_owned(), label: None }],
            emails: Vec::new(),
            addresses: Vec::new(),
            allow_duplicate: false,
        };
        set_busy.set(true);
        spawn_local(async move {
            match api::intake::create_customer(session, body).await {
                Ok(customer) => {
                    problem.set(None);
                    draft.customer.set(Some(customer));
                }
                Err(e) => problem.set(Some(e.problem)),
            }
            set_busy.set(false);
        });
    };
    let shown = Signal::derive(move || problem.get());
    view! {
        <details class="intake-new-customer">
            <summary>{t("intake.customer_new")}</summary>
            <form id="intake-new-customer" on:submit=submit novalidate>
                {move || problem.get().map(|p| view! { <div class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div> })}
                <div class="field">
                    <label for="intake-new-name">{t("intake.customer_name")}</label>
                    <input id="intake-new-name" type="text" dir="auto" maxlength="200" bind:value=name
                        aria-invalid=move || names_field(shown.get().as_ref(), "name").to_string() />
                    <FieldErrors problem=shown field="name" id="intake-new-name" />
                </div>
                <div class="field">
                    <label for="intake-new-phone">{t("intake.customer_phone")}</label>
                    <input id="intake-new-phone" type="tel" dir="ltr" maxlength="32" bind:value=phone
                        aria-invalid=move || names_field(shown.get().as_ref(), "phones[0].number").to_string() />
                    <FieldErrors problem=shown field="phones[0].number" id="intake-new-phone" />
                    <FieldErrors problem=shown field="phones" id="intake-new-phones" />
                </div>
                <label class="check">
                    <input id="intake-new-company" type="checkbox" bind:checked=company />
                    {t("intake.customer_company")}
                </label>
                <button id="intake-new-create" type="submit" class="button" disabled=move || busy.get()>
                    {t("intake.customer_create")}
                </button>
            </form>
        </details>
    }
}
