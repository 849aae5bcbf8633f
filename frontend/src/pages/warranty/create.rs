//! "New policy" (`POST /warranty-policies`): a name, what it is written for, and the
//! terms of its first version. On success the list shows it without a reload.

use aftersales_api_types::problem::{FieldError, Problem};
use aftersales_api_types::warranty::{CreatePolicy, PolicyDto, PolicyScope, ScopeKind};
use leptos::prelude::*;
use uuid::Uuid;

use super::terms::{TermsDraft, TermsFields, to_form_fields};
use super::{Catalogue, scope_kind_code, scope_kind_key};
use crate::api;
use crate::components::problem::{FieldErrors, ProblemView, browser_problem_of, names_field, without_fields};
use crate::i18n::{t, use_i18n};
use crate::session::Session;
use crate::tr;

const KINDS: [ScopeKind; 3] = [ScopeKind::Brand, ScopeKind::Category, ScopeKind::Model];

#[component]
pub fn CreateForm(session: Session, catalogue: StoredValue<Catalogue>, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new("brand".to_owned());
    let target = RwSignal::new(String::new());
    let draft = TermsDraft::new();
    let problem = RwSignal::new(None::<Problem>);
    let created = RwSignal::new(None::<PolicyDto>);

    let create = Action::new_local(move |request: &CreatePolicy| {
        let request = request.clone();
        async move {
            match api::warranty::create(session, &request).await {
                Ok(policy) => {
                    created.try_set(Some(policy));
                    name.try_set(String::new());
                    changes.try_update(|n| *n += 1);
                }
                Err(e) => {
                    problem.try_set(Some(to_form_fields(e.problem)));
                }
            }
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        created.set(None);
        let mut errors = Vec::new();
        let typed = name.get_untracked().trim().to_owned();
        if typed.is_empty() {
            errors.push(FieldError::new("name", "required", "warranty.error.name"));
        }
        let scope_kind = KINDS.into_iter().find(|k| scope_kind_code(*k) == kind.get_untracked());
        let scope_id = Uuid::parse_str(&target.get_untracked()).ok();
        if scope_id.is_none() {
            errors.push(FieldError::new("scope", "required", "warranty.error.scope"));
        }
        let terms = draft.check(i18n, &mut errors);
        match (scope_kind, scope_id, terms, errors.is_empty()) {
            (Some(kind), Some(id), Some(terms), true) => {
                problem.set(None);
                create.dispatch_local(CreatePolicy { name: typed, scope: PolicyScope { kind, id }, terms });
            }
            _ => problem.set(Some(browser_problem_of(errors))),
        }
    };

    let problem_signal: Signal<Option<Problem>> = problem.into();
    let invalid = move |field: &'static str| move || problem.with(|p| names_field(p.as_ref(), field)).to_string();
    let kind_options = KINDS
        .into_iter()
        .map(|k| view! { <option value=scope_kind_code(k)>{t(scope_kind_key(k))}</option> })
        .collect_view();
    let target_options = move || {
        let chosen = KINDS.into_iter().find(|k| scope_kind_code(*k) == kind.get()).unwrap_or(ScopeKind::Brand);
        catalogue.with_value(|c| {
            c.choices(chosen)
                .into_iter()
                .map(|(id, label, code)| view! { <option value=id.to_string() data-code=code>{label}</option> })
                .collect_view()
        })
    };
    let form_problem = move || {
        problem.get().map(|p| {
            view! { <div id="create-problem" class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div> }
        })
    };
    let success = move || {
        created.get().map(|p| {
            view! {
                <p id="create-success" class="notice" role="status">
                    {tr!("warranty.created", name = p.name.clone())} " "
                    <a href=format!("/warranty-policies/{}", p.id)>{t("warranty.open")}</a>
                </p>
            }
        })
    };
    view! {
        <form id="create-form" class="card warranty-form" on:submit=submit novalidate>
            <h2 id="create-title">{t("warranty.create_title")}</h2>
            {success}
            {form_problem}
            <div class="field">
                <label for="create-name">{t("warranty.name")}</label>
                <input id="create-name" type="text" maxlength="120" autocomplete="off" bind:value=name
                    aria-invalid=invalid("name") aria-describedby="create-name-error" />
                <FieldErrors problem=problem_signal field="name" id="create-name" />
            </div>
            <div class="field">
                <label for="create-scope-kind">{t("warranty.scope_kind")}</label>
                <select id="create-scope-kind" bind:value=kind on:change=move |_| target.set(String::new())>
                    {kind_options}
                </select>
            </div>
            <div class="field">
                <label for="create-scope">{t("warranty.scope")}</label>
                <select id="create-scope" bind:value=target aria-invalid=invalid("scope") aria-describedby="create-scope-error">
                    <option value="">{t("warranty.choose_scope")}</option>
                    {target_options}
                </select>
                <FieldErrors problem=problem_signal field="scope" id="create-scope" />
            </div>
            <TermsFields draft problem=problem_signal prefix="create" />
            <button id="create-submit" type="submit" class="button primary" disabled=move || create.pending().get()>
                {move || i18n.text(if create.pending().get() { "warranty.saving" } else { "warranty.create" })}
            </button>
        </form>
    }
}
