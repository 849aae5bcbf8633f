//! `/parts`: the parts catalogue. Search and filters live in the URL; the table pages
//! with the API's cursor; keepers and managers add and edit parts in a form above the
//! table, and the table follows a change without a page reload.

pub mod filters;
mod form;
mod warehouse_form;
pub mod warehouses;

use aftersales_api_types::auth::Permission;
use aftersales_api_types::catalogue::BrandDto;
use aftersales_api_types::parts::PartDto;
use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use uuid::Uuid;

use self::filters::PartFilters;
use self::form::PartForm;
use crate::api;
use crate::components::problem::ErrorsView;
use crate::components::table::PagedTable;
use crate::i18n::{t, use_i18n};
use crate::session::{Session, use_session};
use crate::tr;

const COLUMNS: &[&str] = &[
    "parts.sku",
    "parts.name",
    "parts.brand",
    "parts.component",
    "parts.unit",
    "parts.standard_cost",
    "parts.price",
    "parts.reorder_point",
    "parts.status",
    "parts.actions",
];

/// What the form is open for.
#[derive(Debug, Clone, PartialEq)]
pub enum Editing {
    New,
    Part(PartDto),
}

/// What the pieces of the page share.
#[derive(Debug, Clone, Copy)]
pub struct PartsView {
    pub session: Session,
    pub brands: StoredValue<Vec<BrandDto>>,
    pub editing: RwSignal<Option<Editing>>,
    /// Bumped after every change so the table reloads.
    pub changes: RwSignal<u32>,
    /// The SKU last saved, for the notice.
    pub saved: RwSignal<Option<String>>,
    /// Whether the user may add and edit parts, read once: rows must not follow the
    /// session (signing out would re-render them while the page goes away).
    pub may_manage: bool,
}

impl PartsView {
    fn brand_code(&self, id: Uuid) -> String {
        self.brands.with_value(|b| b.iter().find(|b| b.id == id).map(|b| b.code.clone())).unwrap_or_default()
    }
}

#[component]
pub fn PartsPage() -> impl IntoView {
    let session = use_session();
    let brands = LocalResource::new(move || api::reference::brands(session));
    view! {
        <section class="page parts-page">
            <h1 id="parts-title">{t("parts.title")}</h1>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move {
                        brands.await.map(|brands| view! { <PartsScreen session brands /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn PartsScreen(session: Session, brands: Vec<BrandDto>) -> impl IntoView {
    let query = use_query_map();
    let filters = Memo::new(move |_| query.with(|q| PartFilters::from_query(|name| q.get(name))));
    let view = PartsView {
        session,
        brands: StoredValue::new(brands),
        editing: RwSignal::new(None),
        changes: RwSignal::new(0),
        saved: RwSignal::new(None),
        may_manage: untrack(|| session.may(Permission::ManageParts)),
    };
    let may_manage = move || view.may_manage;
    let table = move || {
        let _ = view.changes.get();
        let current = StoredValue::new(filters.get());
        view! {
            <PagedTable
                caption="parts.title"
                columns=COLUMNS
                fetch=move |cursor| api::parts::list(session, current.get_value(), cursor)
                row=move |part| part_row(view, part)
            />
        }
    };
    let form = move || view.editing.get().map(|editing| view! { <PartForm view editing /> });
    let notice = move || {
        view.saved.get().map(|sku| {
            view! { <p id="part-saved" class="notice" role="status">{tr!("parts.saved", sku = sku)}</p> }
        })
    };
    view! {
        <FilterBar view filters />
        <Show when=move || may_manage() && view.editing.get().is_none()>
            <p>
                <button id="part-new" type="button" class="button primary" on:click=move |_| {
                    view.saved.set(None);
                    view.editing.set(Some(Editing::New));
                }>{t("parts.new")}</button>
            </p>
        </Show>
        {notice}
        {form}
        <div id="parts-list">{table}</div>
    }
}

#[component]
fn FilterBar(view: PartsView, filters: Memo<PartFilters>) -> impl IntoView {
    let navigate = use_navigate();
    let search = NodeRef::<Input>::new();
    let component = NodeRef::<Input>::new();
    let go = StoredValue::new_local(move |next: PartFilters| navigate(&next.href(), NavigateOptions::default()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut next = filters.get_untracked();
        next.q = search.get().map(|i| i.value()).unwrap_or_default().trim().to_owned();
        next.component_code = component.get().map(|i| i.value()).unwrap_or_default().trim().to_lowercase();
        go.with_value(|go| go(next));
    };
    let brand = move |ev: leptos::ev::Event| {
        let mut next = filters.get_untracked();
        next.brand_id = Uuid::parse_str(&event_target_value(&ev)).ok();
        go.with_value(|go| go(next));
    };
    let status = move |ev: leptos::ev::Event| {
        let mut next = filters.get_untracked();
        next.active = match event_target_value(&ev).as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        };
        go.with_value(|go| go(next));
    };
    let brand_options = view.brands.with_value(|brands| {
        brands
            .iter()
            .map(|b| {
                let id = b.id;
                view! {
                    <option value=id.to_string() data-code=b.code.clone() selected=move || filters.get().brand_id == Some(id)>
                        {format!("{} — {}", b.code, b.name)}
                    </option>
                }
            })
            .collect_view()
    });
    view! {
        <form id="part-filters" class="card part-filters" role="search" on:submit=submit novalidate>
            <div class="field search-field">
                <label for="part-q">{t("parts.search")}</label>
                <input id="part-q" type="search" autocomplete="off" node_ref=search prop:value=move || filters.get().q />
            </div>
            <div class="field">
                <label for="part-brand-filter">{t("parts.brand")}</label>
                <select id="part-brand-filter" on:change=brand>
                    <option value="" selected=move || filters.get().brand_id.is_none()>{t("parts.any")}</option>
                    {brand_options}
                </select>
            </div>
            <div class="field">
                <label for="part-status-filter">{t("parts.status")}</label>
                <select id="part-status-filter" on:change=status>
                    <option value="" selected=move || filters.get().active.is_none()>{t("parts.any")}</option>
                    <option value="true" selected=move || filters.get().active == Some(true)>{t("parts.in_use")}</option>
                    <option value="false" selected=move || filters.get().active == Some(false)>{t("parts.discontinued")}</option>
                </select>
            </div>
            <div class="field">
                <label for="part-component-filter">{t("parts.component")}</label>
                <input id="part-component-filter" type="text" dir="ltr" autocomplete="off" node_ref=component
                    prop:value=move || filters.get().component_code />
            </div>
            <button id="part-search" type="submit" class="button">{t("parts.search_button")}</button>
        </form>
    }
}

fn part_row(view: PartsView, part: PartDto) -> AnyView {
    let i18n = use_i18n();
    let brand = view.brand_code(part.brand_id);
    let may_manage = view.may_manage;
    let cost = part.standard_cost.clone();
    let price = part.price.clone();
    let reorder = i64::from(part.reorder_point);
    let active = part.active;
    let edit_part = part.clone();
    let edit = move |_| {
        view.saved.set(None);
        view.editing.set(Some(Editing::Part(edit_part.clone())));
    };
    view! {
        <tr data-sku=part.sku.clone() class:inactive=!active>
            <td class="code"><bdi>{part.sku.clone()}</bdi></td>
            <td>{part.name.clone()}</td>
            <td class="code"><bdi>{brand}</bdi></td>
            <td class="code">{part.component_code.clone().unwrap_or_default()}</td>
            <td class="code">{part.unit.clone()}</td>
            <td class="num cost">{move || i18n.money(&cost.amount, &cost.currency)}</td>
            <td class="num price">{move || i18n.money(&price.amount, &price.currency)}</td>
            <td class="num">{move || i18n.number(reorder)}</td>
            <td class="status">{move || i18n.text(if active { "parts.in_use" } else { "parts.discontinued" })}</td>
            <td class="actions">
                {may_manage.then(|| view! {
                    <button type="button" class="button link part-edit" on:click=edit>{t("parts.edit")}</button>
                })}
                <a class="stock-link" href="/stock">{t("parts.see_stock")}</a>
            </td>
        </tr>
    }
    .into_any()
}
