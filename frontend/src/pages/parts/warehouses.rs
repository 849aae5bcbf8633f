//! `/warehouses`: where parts are kept, by code, with their kind, branch, the
//! technician of a van, and whether they are closed. Keepers and managers add and
//! edit them in a form above the table; the table follows without a page reload.
//!
//! Branch and technician names come from `GET /branches` and `GET /users`, which
//! only managers and admins may read: for other roles the table shows the branch of
//! the user's own account by name and other references as short ids.

use std::collections::HashMap;

use aftersales_api_types::auth::Permission;
use aftersales_api_types::warehouses::{WarehouseDto, WarehouseKind};
use leptos::prelude::*;
use uuid::Uuid;

use super::warehouse_form::WarehouseForm;
use crate::api;
use crate::components::problem::ErrorsView;
use crate::i18n::{t, use_i18n};
use crate::session::{Session, use_session};
use crate::tr;

const COLUMNS: &[&str] = &[
    "warehouses.code",
    "warehouses.name",
    "warehouses.kind",
    "warehouses.branch",
    "warehouses.technician",
    "warehouses.status",
    "warehouses.actions",
];

/// Every kind, in the order the form offers them.
pub const KINDS: [WarehouseKind; 6] = [
    WarehouseKind::Central,
    WarehouseKind::Regional,
    WarehouseKind::Outlet,
    WarehouseKind::Van,
    WarehouseKind::Defective,
    WarehouseKind::Returns,
];

/// The catalogue key of a kind.
pub fn kind_key(kind: WarehouseKind) -> &'static str {
    match kind {
        WarehouseKind::Central => "warehouses.kind.central",
        WarehouseKind::Regional => "warehouses.kind.regional",
        WarehouseKind::Outlet => "warehouses.kind.outlet",
        WarehouseKind::Van => "warehouses.kind.van",
        WarehouseKind::Defective => "warehouses.kind.defective",
        WarehouseKind::Returns => "warehouses.kind.returns",
    }
}

/// The wire name of a kind (`van`).
pub fn kind_wire(kind: WarehouseKind) -> &'static str {
    match kind {
        WarehouseKind::Central => "central",
        WarehouseKind::Regional => "regional",
        WarehouseKind::Outlet => "outlet",
        WarehouseKind::Van => "van",
        WarehouseKind::Defective => "defective",
        WarehouseKind::Returns => "returns",
    }
}

/// What the form is open for.
#[derive(Debug, Clone, PartialEq)]
pub enum WarehouseEditing {
    New,
    Warehouse(WarehouseDto),
}

/// What the pieces of the page share. `branches` and `people` are names by id
/// (empty when the user may not read them).
#[derive(Debug, Clone, Copy)]
pub struct WarehousesView {
    pub session: Session,
    pub branches: StoredValue<Vec<(Uuid, String)>>,
    pub people: StoredValue<HashMap<Uuid, String>>,
    pub editing: RwSignal<Option<WarehouseEditing>>,
    pub changes: RwSignal<u32>,
    pub saved: RwSignal<Option<String>>,
    /// Read once: rows must not follow the session (signing out would re-render them
    /// while the page goes away).
    pub may_manage: bool,
    pub own_branch: Option<Uuid>,
}

impl WarehousesView {
    /// The branch's name; the user's own branch as "Your branch" when names may not be
    /// read; a short id otherwise.
    pub fn branch_label(&self, id: Uuid) -> AnyView {
        if let Some(name) = self.branches.with_value(|b| b.iter().find(|(b, _)| *b == id).map(|(_, n)| n.clone())) {
            return view! { <bdi>{name}</bdi> }.into_any();
        }
        if self.own_branch == Some(id) {
            return t("warehouses.my_branch").into_any();
        }
        view! { <bdi>{short(id)}</bdi> }.into_any()
    }
}

/// The first characters of an id, for a reference whose name may not be read.
pub fn short(id: Uuid) -> String {
    id.to_string().chars().take(8).collect()
}

#[component]
pub fn WarehousesPage() -> impl IntoView {
    let session = use_session();
    // Names to show; a refusal (403) only leaves them out.
    let names = LocalResource::new(move || async move {
        let branches = match api::reference::branches(session).await {
            Ok(list) => list.into_iter().map(|b| (b.id, format!("{} — {}", b.code, b.name))).collect(),
            Err(_) => Vec::new(),
        };
        let people = api::reference::technicians(session, None, false)
            .await
            .map(|list| list.into_iter().map(|u| (u.id, u.display_name)).collect())
            .unwrap_or_default();
        (branches, people)
    });
    view! {
        <section class="page warehouses-page">
            <h1 id="warehouses-title">{t("warehouses.title")}</h1>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                {move || Suspend::new(async move {
                    let (branches, people) = names.await;
                    view! { <WarehousesScreen session branches people /> }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn WarehousesScreen(session: Session, branches: Vec<(Uuid, String)>, people: HashMap<Uuid, String>) -> impl IntoView {
    let view = WarehousesView {
        session,
        branches: StoredValue::new(branches),
        people: StoredValue::new(people),
        editing: RwSignal::new(None),
        changes: RwSignal::new(0),
        saved: RwSignal::new(None),
        may_manage: untrack(|| session.may(Permission::ManageParts)),
        own_branch: untrack(|| session.user().map(|u| u.branch_id)),
    };
    let list = LocalResource::new(move || {
        let _ = view.changes.get();
        api::reference::warehouses(session)
    });
    let may_manage = move || view.may_manage;
    let width = COLUMNS.len();
    let form = move || view.editing.get().map(|editing| view! { <WarehouseForm view editing /> });
    let notice = move || {
        view.saved.get().map(|code| {
            view! { <p id="warehouse-saved" class="notice" role="status">{tr!("warehouses.saved", code = code)}</p> }
        })
    };
    view! {
        <Show when=move || may_manage() && view.editing.get().is_none()>
            <p>
                <button id="warehouse-new" type="button" class="button primary" on:click=move |_| {
                    view.saved.set(None);
                    view.editing.set(Some(WarehouseEditing::New));
                }>{t("warehouses.new")}</button>
            </p>
        </Show>
        {notice}
        {form}
        <div class="table-wrap">
            <table id="warehouse-table" class="data">
                <caption class="visually-hidden">{t("warehouses.title")}</caption>
                <thead>
                    <tr>{COLUMNS.iter().map(|c| view! { <th scope="col">{t(c)}</th> }).collect_view()}</tr>
                </thead>
                <Transition fallback=move || view! { <tbody><tr><td colspan=width class="muted">{t("table.loading")}</td></tr></tbody> }>
                    <ErrorBoundary fallback=move |errors| view! { <tbody><tr><td colspan=width><ErrorsView errors /></td></tr></tbody> }>
                        {move || Suspend::new(async move {
                            list.await.map(|rows| {
                                let empty = rows.is_empty().then(|| view! {
                                    <tr id="warehouses-empty"><td colspan=width class="muted">{t("warehouses.empty")}</td></tr>
                                });
                                let rows = rows.into_iter().map(|w| warehouse_row(view, w)).collect_view();
                                view! { <tbody>{rows}{empty}</tbody> }
                            })
                        })}
                    </ErrorBoundary>
                </Transition>
            </table>
        </div>
    }
}

fn warehouse_row(view: WarehousesView, warehouse: WarehouseDto) -> impl IntoView {
    let i18n = use_i18n();
    let may_manage = view.may_manage;
    let technician = warehouse
        .technician_id
        .map(|id| view.people.with_value(|p| p.get(&id).cloned()).unwrap_or_else(|| short(id)))
        .unwrap_or_default();
    let active = warehouse.active;
    let kind = warehouse.kind;
    let edit_row = warehouse.clone();
    let edit = move |_| {
        view.saved.set(None);
        view.editing.set(Some(WarehouseEditing::Warehouse(edit_row.clone())));
    };
    view! {
        <tr data-code=warehouse.code.clone() data-kind=kind_wire(kind) class:inactive=!active>
            <td class="code"><bdi>{warehouse.code.clone()}</bdi></td>
            <td>{warehouse.name.clone()}</td>
            <td class="kind">{t(kind_key(kind))}</td>
            <td class="branch">{view.branch_label(warehouse.branch_id)}</td>
            <td class="technician">{technician}</td>
            <td class="status">{move || i18n.text(if active { "warehouses.open" } else { "warehouses.closed" })}</td>
            <td class="actions">
                {may_manage.then(|| view! {
                    <button type="button" class="button link warehouse-edit" on:click=edit>{t("warehouses.edit")}</button>
                })}
                <a class="stock-link" href="/stock">{t("warehouses.see_stock")}</a>
            </td>
        </tr>
    }
}
