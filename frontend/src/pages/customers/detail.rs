//! `/customers/:id`: one customer's facts, the form to change them (the page follows
//! the saved customer without a reload), their units and their tickets.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::customers::CustomerDto;
use aftersales_api_types::tickets::TicketDto;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::branches_resource;
use super::filters::{kind_key, source_key};
use super::form::CustomerForm;
use crate::api;
use crate::components::problem::ErrorsView;
use crate::components::table::PagedTable;
use crate::i18n::date::iso_instant;
use crate::i18n::labels::{stage_category_key, ticket_kind_key};
use crate::i18n::{Locale, t, use_i18n};
use crate::query::wire;
use crate::session::use_session;

const TICKET_COLUMNS: &[&str] =
    &["customers.ticket_number", "customers.ticket_kind", "customers.ticket_stage", "customers.created"];

#[component]
pub fn CustomerPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| Uuid::parse_str(&id).ok())));
    let loaded = LocalResource::new(move || {
        let id = id.get();
        async move { api::reference::customer(session, id.unwrap_or_default()).await }
    });
    view! {
        <section class="page customer-page">
            <p><a href="/customers" id="customer-back">{t("customers.back")}</a></p>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move {
                        loaded.await.map(|customer| view! { <CustomerScreen customer /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn CustomerScreen(customer: CustomerDto) -> impl IntoView {
    let session = use_session();
    let current = RwSignal::new(customer);
    let editing = RwSignal::new(false);
    let branches = branches_resource(session);
    let saved = Callback::new(move |c: CustomerDto| {
        current.set(c);
        editing.set(false);
    });
    let may_edit = move || session.may(Permission::ManageCustomers);
    let customer_id = current.get_untracked().id;
    view! {
        <div class="page-head">
            <h1 id="customer-title">{move || current.get().name}</h1>
            <Show when=may_edit>
                <button id="customer-edit" type="button" class="button secondary"
                    aria-expanded=move || editing.get().to_string() on:click=move |_| editing.update(|e| *e = !*e)>
                    {move || if editing.get() { t("customers.close_form")() } else { t("customers.edit")() }}
                </button>
            </Show>
        </div>
        <Show when=move || editing.get()>
            <Suspense fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                {move || Suspend::new(async move {
                    let branches = branches.await;
                    view! { <CustomerForm existing=Some(current.get_untracked()) branches saved /> }
                })}
            </Suspense>
        </Show>
        {move || view! { <Facts customer=current.get() /> }}
        <h2 id="customer-units-title">{t("customers.units")}</h2>
        {move || view! { <Units customer=current.get() /> }}
        <h2 id="customer-tickets-title">{t("customers.tickets")}</h2>
        <div id="customer-tickets">
            <PagedTable caption="customers.tickets" columns=TICKET_COLUMNS
                fetch=move |cursor| api::customers::tickets(session, customer_id, cursor) row=ticket_row />
        </div>
    }
}

#[component]
fn Facts(customer: CustomerDto) -> impl IntoView {
    let i18n = use_i18n();
    let locale = Locale::from_code(&wire(&customer.locale)).map(|l| l.native_name()).unwrap_or_default();
    let updated = customer.updated_at;
    let dash = || "—".to_owned();
    let phones = customer
        .phones
        .iter()
        .map(|p| {
            let label = p.label.clone().map(|l| format!(" ({l})")).unwrap_or_default();
            view! { <li class="phone"><bdi dir="ltr">{p.number.clone()}</bdi>{label}</li> }
        })
        .collect_view();
    let emails = customer
        .emails
        .iter()
        .map(|e| {
            let label = e.label.clone().map(|l| format!(" ({l})")).unwrap_or_default();
            view! { <li><bdi dir="ltr">{e.address.clone()}</bdi>{label}</li> }
        })
        .collect_view();
    let addresses = customer
        .addresses
        .iter()
        .map(|a| {
            let parts = [&a.label, &Some(a.line1.clone()), &a.line2, &a.district, &a.city, &a.province, &a.postal_code];
            let mut text: Vec<String> = parts.into_iter().flatten().cloned().collect();
            text.push(a.country.clone());
            view! { <li><bdi>{text.join(", ")}</bdi></li> }
        })
        .collect_view();
    view! {
        <dl id="customer-facts" class="facts">
            <dt>{t("customers.kind")}</dt><dd id="customer-kind-value">{t(kind_key(customer.kind))}</dd>
            <dt>{t("customers.tax_id")}</dt><dd><bdi>{customer.tax_id.unwrap_or_else(dash)}</bdi></dd>
            <dt>{t("customers.locale")}</dt><dd>{locale}</dd>
            <dt>{t("customers.source")}</dt><dd>{t(source_key(customer.source))}</dd>
            <dt>{t("customers.phones")}</dt><dd><ul id="customer-phones" class="plain">{phones}</ul></dd>
            <dt>{t("customers.emails")}</dt><dd><ul class="plain">{emails}</ul></dd>
            <dt>{t("customers.addresses")}</dt><dd><ul class="plain">{addresses}</ul></dd>
            <dt>{t("customers.notes")}</dt><dd class="notes"><bdi>{customer.notes.unwrap_or_else(dash)}</bdi></dd>
            <dt>{t("customers.updated")}</dt>
            <dd><time id="customer-updated" datetime=iso_instant(updated)>{move || i18n.instant_date(updated)}</time></dd>
        </dl>
    }
}

#[component]
fn Units(customer: CustomerDto) -> impl IntoView {
    let session = use_session();
    let customer = StoredValue::new(customer);
    let units = LocalResource::new(move || async move { api::customers::units(session, &customer.get_value()).await });
    view! {
        <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                {move || Suspend::new(async move {
                    units.await.map(|units| {
                        if units.is_empty() {
                            return view! { <p id="customer-units-empty" class="muted">{t("customers.no_units")}</p> }.into_any();
                        }
                        view! {
                            <ul id="customer-units" class="plain units">
                                {units.into_iter().map(|u| {
                                    let href = format!("/serials?serial={}", String::from(js_sys::encode_uri_component(&u.serial)));
                                    view! { <li><a href=href><bdi dir="ltr" class="code">{u.serial}</bdi></a></li> }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

fn ticket_row(ticket: TicketDto) -> AnyView {
    let i18n = use_i18n();
    let created = ticket.created_at;
    let number = ticket.number.clone();
    view! {
        <tr data-id=ticket.id.to_string() data-number=number>
            <td class="code"><a href=format!("/tickets/{}", ticket.id)><bdi>{ticket.number}</bdi></a></td>
            <td>{t(ticket_kind_key(ticket.kind))}</td>
            <td>{t(stage_category_key(ticket.stage_category))}</td>
            <td><time datetime=iso_instant(created)>{move || i18n.instant_date(created)}</time></td>
        </tr>
    }
    .into_any()
}
