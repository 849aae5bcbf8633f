//! `/settings/fault-codes`: the symptom, diagnosis and resolution codes of each
//! product category (`GET/POST /fault-codes`, `PATCH/DELETE /fault-codes/{id}`),
//! named in every language.

use aftersales_api_types::catalogue::CategoryDto;
use aftersales_api_types::fault_codes::{CreateFaultCode, FaultCodeDto, FaultCodeKind, UpdateFaultCode};
use aftersales_api_types::problem::Problem;
use leptos::prelude::*;
use uuid::Uuid;

use super::names::{NameSignals, NamesFields, local_name};
use crate::api;
use crate::components::problem::{FieldErrors, ProblemView};
use crate::components::screen::{DeleteButton, FormActions, NewButton, Screen, form_problem, invalid};
use crate::components::table::ListTable;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

const KINDS: [FaultCodeKind; 3] = [FaultCodeKind::Symptom, FaultCodeKind::Diagnosis, FaultCodeKind::Resolution];

fn kind_key(kind: FaultCodeKind) -> &'static str {
    match kind {
        FaultCodeKind::Symptom => "settings.fault_kind.symptom",
        FaultCodeKind::Diagnosis => "settings.fault_kind.diagnosis",
        FaultCodeKind::Resolution => "settings.fault_kind.resolution",
    }
}

fn kind_wire(kind: FaultCodeKind) -> &'static str {
    match kind {
        FaultCodeKind::Symptom => "symptom",
        FaultCodeKind::Diagnosis => "diagnosis",
        FaultCodeKind::Resolution => "resolution",
    }
}

const COLUMNS: &[&str] =
    &["settings.code", "settings.kind", "settings.category", "settings.name", "settings.status", "settings.actions"];

/// The product categories, read once for the page (labels and the form's choice).
#[derive(Debug, Clone, Copy)]
pub struct Categories(pub StoredValue<Vec<CategoryDto>>);

impl Categories {
    pub fn label(&self, id: Uuid) -> String {
        self.0.with_value(|list| {
            list.iter().find(|c| c.id == id).map_or_else(|| id.to_string(), |c| format!("{} — {}", c.code, c.name))
        })
    }

    /// The `<option>`s of the active categories.
    pub fn options(&self, chosen: RwSignal<String>) -> impl IntoView + use<> {
        self.0
            .get_value()
            .into_iter()
            .filter(|c| c.active)
            .map(|c| {
                let id = c.id.to_string();
                let mine = id.clone();
                view! {
                    <option value=id data-code=c.code.clone() selected=move || chosen.get() == mine>
                        {format!("{} — {}", c.code, c.name)}
                    </option>
                }
            })
            .collect_view()
    }
}

/// Loads the categories, then shows `screen`.
pub fn with_categories<V: IntoView + 'static>(screen: fn(Categories) -> V) -> impl IntoView {
    let session = use_session();
    let categories = LocalResource::new(move || api::reference::categories(session));
    view! {
        <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
            {move || Suspend::new(async move {
                match categories.await {
                    Ok(list) => screen(Categories(StoredValue::new(list))).into_any(),
                    Err(e) => view! { <div class="alert" role="alert"><ProblemView problem=e.problem /></div> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
pub fn FaultCodesPage() -> impl IntoView {
    view! {
        <section class="page settings-page">
            <h1>{t("settings.fault_codes.title")}</h1>
            <p class="hint">{t("settings.fault_codes.intro")}</p>
            {with_categories(|categories| view! { <FaultCodesScreen categories /> })}
        </section>
    }
}

#[component]
fn FaultCodesScreen(categories: Categories) -> impl IntoView {
    let screen = Screen::<FaultCodeDto>::new(use_session());
    let session = screen.session;
    let list = LocalResource::new(move || {
        let _ = screen.changes.get();
        api::settings::fault_codes(session)
    });
    let form = move || screen.editing.get().map(|current| view! { <FaultCodeForm screen categories current /> });
    view! {
        <NewButton screen id="fault-new" label="settings.fault_codes.new" />
        {form}
        <ListTable id="fault-table" caption="settings.fault_codes.title" columns=COLUMNS empty="settings.fault_codes.empty" list row=move |r| fault_row(screen, categories, r).into_any() />
    }
}

fn fault_row(screen: Screen<FaultCodeDto>, categories: Categories, code: FaultCodeDto) -> impl IntoView {
    let i18n = use_i18n();
    let names = code.names.clone();
    let active = code.active;
    let edit_row = code.clone();
    view! {
        <tr data-code=code.code.clone() data-kind=kind_wire(code.kind) class:inactive=!active>
            <td class="code"><bdi>{code.code.clone()}</bdi></td>
            <td>{t(kind_key(code.kind))}</td>
            <td><bdi>{categories.label(code.category_id)}</bdi></td>
            <td class="name">{move || local_name(i18n.locale(), &names)}</td>
            <td class="status">{move || i18n.text(if active { "settings.active" } else { "settings.retired" })}</td>
            <td class="actions">
                <button type="button" class="button link settings-edit"
                    on:click=move |_| screen.editing.set(Some(Some(edit_row.clone())))>{t("settings.edit")}</button>
                <DeleteButton session=screen.session path=api::settings::FAULT_CODES id=code.id code=code.code.clone() changes=screen.changes />
            </td>
        </tr>
    }
}

type Save = crate::api::Save<CreateFaultCode, UpdateFaultCode>;

#[component]
fn FaultCodeForm(screen: Screen<FaultCodeDto>, categories: Categories, current: Option<FaultCodeDto>) -> impl IntoView {
    let session = screen.session;
    let is_new = current.is_none();
    let first = categories.0.with_value(|l| l.iter().find(|c| c.active).map(|c| c.id.to_string())).unwrap_or_default();
    let category = RwSignal::new(current.as_ref().map_or(first, |c| c.category_id.to_string()));
    let kind = RwSignal::new(kind_wire(current.as_ref().map_or(FaultCodeKind::Symptom, |c| c.kind)).to_owned());
    let code = RwSignal::new(current.as_ref().map(|c| c.code.clone()).unwrap_or_default());
    let names = NameSignals::new(current.as_ref().map(|c| &c.names));
    let retired = RwSignal::new(current.as_ref().is_some_and(|c| !c.active));
    let problem = RwSignal::new(None::<Problem>);
    let errors: Signal<Option<Problem>> = problem.into();

    let save = Action::new_local(move |save: &Save| {
        let save = save.clone();
        async move {
            let answer = match &save {
                Save::Create(body) => api::settings::create_fault_code(session, body).await,
                Save::Update(id, version, body) => api::settings::update_fault_code(session, *id, *version, body).await,
            };
            screen.settle(answer.map(|saved| saved.code), problem, "code", "settings.error.code_taken");
        }
    });
    let before = current.as_ref().map(|c| (c.id, c.version));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = match before {
            None => Save::Create(CreateFaultCode {
                kind: KINDS
                    .into_iter()
                    .find(|k| kind_wire(*k) == kind.get_untracked())
                    .unwrap_or(FaultCodeKind::Symptom),
                category_id: Uuid::parse_str(&category.get_untracked()).unwrap_or_default(),
                code: code.get_untracked(),
                names: names.names(),
            }),
            Some((id, version)) => Save::Update(
                id,
                version,
                UpdateFaultCode { names: Some(names.names()), active: Some(!retired.get_untracked()) },
            ),
        };
        problem.set(None);
        save.dispatch_local(request);
    };
    let title = if is_new { "settings.fault_codes.new" } else { "settings.fault_codes.edit" };
    view! {
        <form id="fault-form" class="card settings-form" on:submit=submit novalidate>
            <h2>{t(title)}</h2>
            {form_problem(problem, "fault-problem")}
            <div class="form-grid">
                <div class="field">
                    <label for="fault-kind">{t("settings.kind")}</label>
                    <select id="fault-kind" bind:value=kind disabled=!is_new aria-invalid=invalid(problem, "kind")>
                        {KINDS.into_iter().map(|k| view! { <option value=kind_wire(k)>{t(kind_key(k))}</option> }).collect_view()}
                    </select>
                    <FieldErrors problem=errors field="kind" id="fault-kind" />
                </div>
                <div class="field">
                    <label for="fault-category">{t("settings.category")}</label>
                    <select id="fault-category" on:change=move |ev| category.set(event_target_value(&ev)) disabled=!is_new
                        aria-invalid=invalid(problem, "category_id") aria-describedby="fault-category-error">
                        {categories.options(category)}
                    </select>
                    <FieldErrors problem=errors field="category_id" id="fault-category" />
                </div>
                <div class="field">
                    <label for="fault-code">{t("settings.code")}</label>
                    <input id="fault-code" type="text" dir="ltr" maxlength="32" autocomplete="off" bind:value=code
                        disabled=!is_new aria-invalid=invalid(problem, "code") aria-describedby="fault-code-error" />
                    <p class="hint">{t("settings.fault_codes.code_hint")}</p>
                    <FieldErrors problem=errors field="code" id="fault-code" />
                </div>
                <NamesFields names problem ids=["fault-name-en", "fault-name-vi", "fault-name-fa", "fault-name-zh"] />
                {(!is_new).then(|| view! {
                    <div class="field check">
                        <input id="fault-retired" type="checkbox" bind:checked=retired />
                        <label for="fault-retired">{t("settings.retire")}</label>
                    </div>
                })}
            </div>
            <FormActions prefix="fault" pending=save.pending().into() on_cancel=Callback::new(move |()| screen.editing.set(None)) />
        </form>
    }
}
