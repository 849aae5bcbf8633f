//! The customer list (`GET /customers`) with its filter bar, and the duplicate check
//! (`GET /customers/duplicates`).

use aftersales_api_types::branches::BranchDto;
use aftersales_api_types::customers::CustomerDto;
use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::filters::{CustomerFilters, KINDS, SOURCES, kind_key, source_key};
use crate::api;
use crate::components::problem::ErrorsView;
use crate::components::table::PagedTable;
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};
use crate::query::{from_wire, wire};
use crate::session::use_session;

const COLUMNS: &[&str] =
    &["customers.name", "customers.kind", "customers.phones", "customers.source", "customers.created"];

#[component]
pub fn CustomerList(branches: LocalResource<Vec<BranchDto>>) -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let filters = Memo::new(move |_| query.with(|q| CustomerFilters::from_query(|name| q.get(name))));
    let navigate = use_navigate();
    let apply = StoredValue::new_local(move |next: CustomerFilters| navigate(&next.href(), NavigateOptions::default()));
    let set = move |change: &dyn Fn(&mut CustomerFilters)| {
        let mut next = filters.get_untracked();
        change(&mut next);
        apply.with_value(|apply| apply(next));
    };
    let search = NodeRef::<Input>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = search.get().map(|i| i.value()).unwrap_or_default();
        set(&|f| f.q = q.trim().to_owned());
    };
    let branch_options = move || {
        branches.get().unwrap_or_default().into_iter().map(|b| {
            let id = b.id;
            view! { <option value=id.to_string() data-code=b.code.clone() selected=move || filters.get().branch_id == Some(id)>{format!("{} — {}", b.code, b.name)}</option> }
        }).collect_view()
    };
    let table = move || {
        let current = StoredValue::new(filters.get());
        view! {
            <PagedTable caption="customers.title" columns=COLUMNS
                fetch=move |cursor| api::customers::list(session, current.get_value(), cursor) row=customer_row />
        }
    };
    view! {
        <form id="customer-filters" class="card customer-filters" role="search" on:submit=submit novalidate>
            <div class="field search-field">
                <label for="customer-q">{t("customers.search")}</label>
                <input id="customer-q" type="search" autocomplete="off" maxlength="100" node_ref=search prop:value=move || filters.get().q />
            </div>
            <div class="field">
                <label for="customer-filter-kind">{t("customers.kind")}</label>
                <select id="customer-filter-kind" on:change=move |ev| { let v = event_target_value(&ev); set(&|f| f.kind = from_wire(&v)); }>
                    <option value="" selected=move || filters.get().kind.is_none()>{t("customers.any")}</option>
                    {KINDS.into_iter().map(|k| view! { <option value=wire(&k) selected=move || filters.get().kind == Some(k)>{t(kind_key(k))}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="customer-filter-source">{t("customers.source")}</label>
                <select id="customer-filter-source" on:change=move |ev| { let v = event_target_value(&ev); set(&|f| f.source = from_wire(&v)); }>
                    <option value="" selected=move || filters.get().source.is_none()>{t("customers.any")}</option>
                    {SOURCES.into_iter().map(|s| view! { <option value=wire(&s) selected=move || filters.get().source == Some(s)>{t(source_key(s))}</option> }).collect_view()}
                </select>
            </div>
            <Show when=move || !branches.get().unwrap_or_default().is_empty()>
                <div class="field">
                    <label for="customer-filter-branch">{t("customers.branch")}</label>
                    <select id="customer-filter-branch" on:change=move |ev| { let v = event_target_value(&ev); set(&|f| f.branch_id = uuid::Uuid::parse_str(&v).ok()); }>
                        <option value="" selected=move || filters.get().branch_id.is_none()>{t("customers.any")}</option>
                        {branch_options}
                    </select>
                </div>
            </Show>
            <div class="actions">
                <button id="customer-search" type="submit" class="button primary">{t("customers.search_button")}</button>
                <button id="customer-clear" type="button" class="button secondary" on:click=move |_| set(&|f| *f = CustomerFilters::default())>
                    {t("customers.clear")}
                </button>
            </div>
        </form>
        <div id="customer-list">{table}</div>
    }
}

fn customer_row(customer: CustomerDto) -> AnyView {
    let i18n = use_i18n();
    let created = customer.created_at;
    let phones = customer.phones.iter().map(|p| p.number.clone()).collect::<Vec<_>>().join(", ");
    view! {
        <tr data-id=customer.id.to_string()>
            <td class="name"><a href=format!("/customers/{}", customer.id)>{customer.name}</a></td>
            <td>{t(kind_key(customer.kind))}</td>
            <td class="phones"><bdi dir="ltr">{phones}</bdi></td>
            <td>{t(source_key(customer.source))}</td>
            <td><time datetime=iso_instant(created)>{move || i18n.instant_date(created)}</time></td>
        </tr>
    }
    .into_any()
}

/// "Possible duplicates": the customers that already have a phone number or e-mail.
#[component]
pub fn DuplicateCheck() -> impl IntoView {
    let session = use_session();
    let phone = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let asked = RwSignal::new(None::<(Option<String>, Option<String>)>);
    let found = LocalResource::new(move || {
        let asked = asked.get();
        async move {
            match asked {
                Some((phone, email)) => api::customers::duplicates(session, phone, email).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = |s: RwSignal<String>| Some(s.get_untracked().trim().to_owned()).filter(|v| !v.is_empty());
        let (p, e) = (value(phone), value(email));
        if p.is_some() || e.is_some() {
            asked.set(Some((p, e)));
        }
    };
    view! {
        <section id="customer-duplicates" class="card duplicates">
            <h2>{t("customers.duplicates_title")}</h2>
            <p class="muted">{t("customers.duplicates_hint")}</p>
            <form id="duplicate-form" class="duplicate-form" on:submit=submit novalidate>
                <div class="field">
                    <label for="duplicate-phone">{t("customers.phone_number")}</label>
                    <input id="duplicate-phone" type="tel" autocomplete="off" bind:value=phone />
                </div>
                <div class="field">
                    <label for="duplicate-email">{t("customers.email_address")}</label>
                    <input id="duplicate-email" type="email" autocomplete="off" bind:value=email />
                </div>
                <button id="duplicate-submit" type="submit" class="button secondary">{t("customers.duplicates_check")}</button>
            </form>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move {
                        found.await.map(|page| page.map(|page| {
                            if page.items.is_empty() {
                                return view! { <p id="duplicate-none" class="muted">{t("customers.duplicates_none")}</p> }.into_any();
                            }
                            view! {
                                <ul id="duplicate-list" class="duplicate-list">
                                    {page.items.into_iter().map(|c| {
                                        let phones = c.phones.iter().map(|p| p.number.clone()).collect::<Vec<_>>().join(", ");
                                        view! { <li data-id=c.id.to_string()><a href=format!("/customers/{}", c.id)>{c.name}</a>" "<bdi dir="ltr" class="muted">{phones}</bdi></li> }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }))
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}
