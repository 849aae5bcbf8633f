//! Who buys: a walk-in buyer (a name and a phone, both optional), or a registered
//! customer found by name or phone — for those who may read customers.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::customers::CustomerDto;
use aftersales_api_types::problem::Problem;
use leptos::prelude::*;

use crate::api;
use crate::components::problem::FieldErrors;
use crate::i18n::t;
use crate::pages::customers::filters::CustomerFilters;
use crate::session::Session;

/// The buyer as the form holds it.
#[derive(Debug, Clone, Copy)]
pub struct Buyer {
    pub name: RwSignal<String>,
    pub phone: RwSignal<String>,
    pub customer: RwSignal<Option<CustomerDto>>,
}

impl Buyer {
    pub fn new() -> Self {
        Self { name: RwSignal::new(String::new()), phone: RwSignal::new(String::new()), customer: RwSignal::new(None) }
    }
}

#[component]
pub fn BuyerFields(session: Session, buyer: Buyer, problem: Signal<Option<Problem>>) -> impl IntoView {
    let may_search = untrack(|| session.may(Permission::ViewCustomers));
    let q = RwSignal::new(String::new());
    let asked = RwSignal::new(None::<String>);
    let found = LocalResource::new(move || {
        let q = asked.get();
        async move {
            match q {
                Some(q) => {
                    let filters = CustomerFilters { q, ..CustomerFilters::default() };
                    api::customers::list(session, filters, None).await.map(|p| p.items)
                }
                None => Ok(Vec::new()),
            }
        }
    });
    let run = move || asked.set(Some(q.get_untracked().trim().to_owned()).filter(|q| !q.is_empty()));
    let results = move || {
        found.get().map(|r| match r {
            Ok(list) if list.is_empty() && asked.get().is_some() => {
                view! { <p id="sale-customer-none" class="muted">{t("part_sales.no_customers_found")}</p> }.into_any()
            }
            Ok(list) => view! {
                <ul id="sale-customer-results" class="part-results">
                    {list.into_iter().map(|c| {
                        let phone = c.phones.first().map(|p| p.number.clone()).unwrap_or_default();
                        let label = c.name.clone();
                        let chosen = StoredValue::new(c);
                        view! {
                            <li>
                                <bdi>{label}</bdi> " " <bdi dir="ltr" class="muted">{phone}</bdi> " "
                                <button type="button" class="button link customer-choose"
                                    on:click=move |_| buyer.customer.set(Some(chosen.get_value()))>
                                    {t("part_sales.choose")}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any(),
            Err(e) => view! { <p class="field-error" role="alert">{e.problem.title}</p> }.into_any(),
        })
    };
    let chosen_name = move || buyer.customer.with(|c| c.as_ref().map(|c| c.name.clone()));
    view! {
        <fieldset id="sale-buyer" class="sale-buyer" style="min-inline-size: 0">
            <legend>{t("part_sales.buyer")}</legend>
            <Show
                when=move || chosen_name().is_some()
                fallback=move || view! {
                    <div class="field">
                        <label for="sale-customer-name">{t("part_sales.walk_in_name")}</label>
                        <input id="sale-customer-name" type="text" maxlength="200" autocomplete="off" bind:value=buyer.name />
                        <FieldErrors problem field="customer_name" id="sale-customer-name" />
                    </div>
                    <div class="field">
                        <label for="sale-customer-phone">{t("part_sales.walk_in_phone")}</label>
                        <input id="sale-customer-phone" type="tel" dir="ltr" maxlength="32" autocomplete="off" bind:value=buyer.phone />
                        <FieldErrors problem field="customer_phone" id="sale-customer-phone" />
                    </div>
                    <Show when=move || may_search>
                        <div class="field">
                            <label for="sale-customer-search">{t("part_sales.find_customer")}</label>
                            <div class="inline">
                                <input id="sale-customer-search" type="search" autocomplete="off" bind:value=q
                                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                        if ev.key() == "Enter" {
                                            ev.prevent_default();
                                            run();
                                        }
                                    } />
                                <button id="sale-customer-search-button" type="button" class="button" on:click=move |_| run()>
                                    {t("part_sales.search")}
                                </button>
                            </div>
                        </div>
                        <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>{results}</Transition>
                    </Show>
                }
            >
                <p id="sale-customer-chosen">
                    <bdi>{chosen_name}</bdi> " "
                    <button type="button" id="sale-customer-clear" class="button link"
                        on:click=move |_| buyer.customer.set(None)>{t("part_sales.walk_in_instead")}</button>
                </p>
                <FieldErrors problem field="customer_id" id="sale-customer" />
            </Show>
        </fieldset>
    }
}
