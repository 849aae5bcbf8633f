//! The warehouse form: a new warehouse (`POST /warehouses`) or a change to one
//! (`PATCH /warehouses/{id}` with `If-Match`): name, kind, the technician of a van
//! (chosen among the technicians of the warehouse's branch, `GET /users`), closing
//! it. Field errors stand next to their fields; what was typed stays on a refusal.

use aftersales_api_types::problem::Problem;
use aftersales_api_types::warehouses::{CreateWarehouse, UpdateWarehouse, WarehouseKind};
use leptos::prelude::*;
use uuid::Uuid;

use super::warehouses::{KINDS, WarehouseEditing, WarehousesView, kind_key, kind_wire};
use crate::api;
use crate::components::problem::{FieldErrors, ProblemView, names_field, without_fields};
use crate::i18n::{t, use_i18n};

type Save = crate::api::Save<CreateWarehouse, UpdateWarehouse>;

fn kind_from_wire(text: &str) -> Option<WarehouseKind> {
    KINDS.into_iter().find(|k| kind_wire(*k) == text)
}

#[component]
pub fn WarehouseForm(view: WarehousesView, editing: WarehouseEditing) -> impl IntoView {
    let i18n = use_i18n();
    let session = view.session;
    let current = match &editing {
        WarehouseEditing::Warehouse(w) => Some(w.clone()),
        WarehouseEditing::New => None,
    };
    let is_new = current.is_none();
    let own_branch = view.own_branch;
    let first_branch = view.branches.with_value(|b| b.first().map(|(id, _)| *id)).or(own_branch);
    let branch = RwSignal::new(
        current.as_ref().map(|w| w.branch_id).or(first_branch).map(|id| id.to_string()).unwrap_or_default(),
    );
    let code = RwSignal::new(current.as_ref().map(|w| w.code.clone()).unwrap_or_default());
    let name = RwSignal::new(current.as_ref().map(|w| w.name.clone()).unwrap_or_default());
    let kind = RwSignal::new(kind_wire(current.as_ref().map_or(WarehouseKind::Outlet, |w| w.kind)).to_owned());
    let technician =
        RwSignal::new(current.as_ref().and_then(|w| w.technician_id).map(|id| id.to_string()).unwrap_or_default());
    let closed = RwSignal::new(current.as_ref().is_some_and(|w| !w.active));
    let problem = RwSignal::new(None::<Problem>);
    let is_van = move || kind.get() == "van";

    // The technicians of the chosen branch, read when the warehouse is a van.
    let technicians = LocalResource::new(move || {
        let branch = Uuid::parse_str(&branch.get()).ok();
        let van = kind.get() == "van";
        async move {
            match (branch, van) {
                (Some(b), true) => api::reference::technicians(session, Some(b), false).await.map(Some),
                _ => Ok(None),
            }
        }
    });

    let save = Action::new_local(move |save: &Save| {
        let save = save.clone();
        async move {
            let result = match &save {
                Save::Create(body) => api::parts::create_warehouse(session, body).await,
                Save::Update(id, version, body) => api::parts::update_warehouse(session, *id, *version, body).await,
            };
            match result {
                Ok(saved) => {
                    view.saved.try_set(Some(saved.code));
                    view.editing.try_set(None);
                    view.changes.try_update(|n| *n += 1);
                }
                Err(e) => {
                    let mut p = e.problem;
                    if p.status == 409 && p.errors.is_empty() {
                        p.errors.push(aftersales_api_types::problem::FieldError::new(
                            "code".to_owned(),
                            "conflict".to_owned(),
                            "warehouses.error.code_taken".to_owned(),
                        ));
                    }
                    problem.try_set(Some(p));
                }
            }
        }
    });

    let before = current.as_ref().map(|w| (w.id, w.version, w.technician_id));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen_kind = kind_from_wire(&kind.get_untracked()).unwrap_or(WarehouseKind::Outlet);
        let chosen_technician =
            Uuid::parse_str(&technician.get_untracked()).ok().filter(|_| chosen_kind == WarehouseKind::Van);
        let request = match before {
            None => Save::Create(CreateWarehouse {
                branch_id: Uuid::parse_str(&branch.get_untracked()).unwrap_or_default(),
                code: code.get_untracked(),
                name: name.get_untracked(),
                kind: chosen_kind,
                technician_id: chosen_technician,
            }),
            Some((id, version, had)) => Save::Update(
                id,
                version,
                UpdateWarehouse {
                    name: Some(name.get_untracked()),
                    kind: Some(chosen_kind),
                    technician_id: (chosen_technician != had).then_some(chosen_technician),
                    active: Some(!closed.get_untracked()),
                },
            ),
        };
        problem.set(None);
        save.dispatch_local(request);
    };

    let errors: Signal<Option<Problem>> = problem.into();
    let invalid = move |field: &'static str| move || problem.with(|p| names_field(p.as_ref(), field)).to_string();
    let form_problem = move || {
        problem.get().map(|p| view! { <div id="warehouse-problem" class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div> })
    };
    let branch_options = {
        let mut list = view.branches.get_value();
        if list.is_empty() {
            list.extend(own_branch.map(|id| (id, String::new())));
        }
        list.into_iter()
            .map(|(id, label)| {
                let label =
                    if label.is_empty() { view.branch_label(id) } else { view! { <bdi>{label}</bdi> }.into_any() };
                view! { <option value=id.to_string()>{label}</option> }
            })
            .collect_view()
    };
    let technician_options = move || {
        Suspend::new(async move {
            match technicians.await {
                Ok(Some(list)) => {
                    let options = list
                        .into_iter()
                        .filter(|u| u.active)
                        .map(|u| {
                            let id = u.id.to_string();
                            let mine = id.clone();
                            view! {
                                <option value=id data-username=u.username.clone() selected=move || technician.get() == mine>
                                    {u.display_name}
                                </option>
                            }
                        })
                        .collect_view();
                    view! {
                        <select id="warehouse-technician" on:change=move |ev| technician.set(event_target_value(&ev)) aria-invalid=invalid("technician_id")
                            aria-describedby="warehouse-technician-error">
                            <option value="" selected=move || technician.get().is_empty()>{t("warehouses.choose_technician")}</option>
                            {options}
                        </select>
                    }
                    .into_any()
                }
                Ok(None) => ().into_any(),
                Err(e) if e.problem.status == 403 => {
                    view! { <p id="warehouse-technician-forbidden" class="muted">{t("warehouses.technicians_forbidden")}</p> }.into_any()
                }
                Err(e) => view! { <ProblemView problem=e.problem /> }.into_any(),
            }
        })
    };
    let title = if is_new { "warehouses.new_title" } else { "warehouses.edit_title" };
    view! {
        <form id="warehouse-form" class="card warehouse-form" on:submit=submit novalidate>
            <h2 id="warehouse-form-title">{t(title)}</h2>
            {form_problem}
            <div class="form-grid">
                <div class="field">
                    <label for="warehouse-branch">{t("warehouses.branch")}</label>
                    <select id="warehouse-branch" bind:value=branch disabled=!is_new aria-invalid=invalid("branch_id")
                        aria-describedby="warehouse-branch-error">
                        {branch_options}
                    </select>
                    <FieldErrors problem=errors field="branch_id" id="warehouse-branch" />
                </div>
                <div class="field">
                    <label for="warehouse-code">{t("warehouses.code")}</label>
                    <input id="warehouse-code" type="text" dir="ltr" maxlength="32" autocomplete="off" bind:value=code
                        disabled=!is_new aria-invalid=invalid("code") aria-describedby="warehouse-code-error" />
                    <FieldErrors problem=errors field="code" id="warehouse-code" />
                </div>
                <div class="field wide">
                    <label for="warehouse-name">{t("warehouses.name")}</label>
                    <input id="warehouse-name" type="text" maxlength="200" autocomplete="off" bind:value=name
                        aria-invalid=invalid("name") aria-describedby="warehouse-name-error" />
                    <FieldErrors problem=errors field="name" id="warehouse-name" />
                </div>
                <div class="field">
                    <label for="warehouse-kind">{t("warehouses.kind")}</label>
                    <select id="warehouse-kind" bind:value=kind aria-invalid=invalid("kind")>
                        {KINDS.into_iter().map(|k| view! { <option value=kind_wire(k)>{t(kind_key(k))}</option> }).collect_view()}
                    </select>
                    <FieldErrors problem=errors field="kind" id="warehouse-kind" />
                </div>
                <Show when=is_van>
                    <div class="field">
                        <label for="warehouse-technician">{t("warehouses.technician")}</label>
                        <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>{technician_options}</Transition>
                        <FieldErrors problem=errors field="technician_id" id="warehouse-technician" />
                    </div>
                </Show>
                {(!is_new).then(|| view! {
                    <div class="field check">
                        <input id="warehouse-closed" type="checkbox" bind:checked=closed />
                        <label for="warehouse-closed">{t("warehouses.close")}</label>
                    </div>
                })}
            </div>
            <div class="form-actions">
                <button id="warehouse-submit" type="submit" class="button primary" disabled=move || save.pending().get()>
                    {move || i18n.text(if save.pending().get() { "warehouses.saving" } else { "warehouses.save" })}
                </button>
                <button id="warehouse-cancel" type="button" class="button secondary" on:click=move |_| view.editing.set(None)>
                    {t("warehouses.cancel")}
                </button>
            </div>
        </form>
    }
}
