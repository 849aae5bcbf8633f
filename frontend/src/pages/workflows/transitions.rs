//! The steps of the workflow being edited: from which stage to which, who may take
//! them (roles) and what must be true first (guards, in words).

use aftersales_api_types::users::Role;
use aftersales_api_types::workflows::Guard;
use leptos::prelude::*;

use super::draft::{Draft, GUARDS, ROLES, TransitionDraft, guard_code, guard_key, role_code};
use super::stages::{PathErrors, stage_label};
use crate::i18n::labels::role_key;
use crate::i18n::{t, use_i18n};

#[component]
pub fn TransitionsEditor(draft: Draft) -> impl IntoView {
    view! {
        <section class="card workflow-transitions" aria-labelledby="transitions-title">
            <h2 id="transitions-title">{t("workflows.transitions")}</h2>
            <p class="hint muted">{t("workflows.transitions_hint")}</p>
            <PathErrors draft path="transitions".to_owned() />
            <Show when=move || draft.transitions.with(Vec::is_empty)>
                <p id="transitions-empty" class="muted">{t("workflows.no_transitions")}</p>
            </Show>
            <ol id="transitions" class="workflow-rows">
                <For each=move || draft.transitions.get() key=|t| t.key let:step>
                    <TransitionRow draft step />
                </For>
            </ol>
            <button id="add-transition" type="button" class="button secondary" on:click=move |_| draft.add_transition()>
                {t("workflows.add_transition")}
            </button>
        </section>
    }
}

/// A `<select>` of the stages, keeping a code that names no stage (shown as removed)
/// so the step is not silently changed.
#[component]
fn StageSelect(draft: Draft, id: String, value: RwSignal<String>, path: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let options = move || {
        let current = value.get();
        let codes = draft.codes();
        let lang = i18n.locale().code();
        let mut list: Vec<_> = codes
            .iter()
            .map(|code| {
                let label = stage_label(draft, code, lang).unwrap_or_else(|| code.clone());
                let selected = *code == current;
                let code = code.clone();
                view! { <option value=code.clone() data-code=code selected=selected>{label}</option> }.into_any()
            })
            .collect();
        if !codes.contains(&current) {
            let label = i18n.format("workflows.removed_stage", &[("code", &current)]);
            list.insert(
                0,
                view! { <option value=current.clone() data-code=current selected=true>{label}</option> }.into_any(),
            );
        }
        list
    };
    let invalid = move || path.with(|p| !draft.messages(p).is_empty()).to_string();
    view! {
        <select id=id on:change=move |ev| value.set(event_target_value(&ev)) aria-invalid=invalid>
            {options}
        </select>
        <PathErrors draft path />
    }
}

#[component]
fn TransitionRow(draft: Draft, step: TransitionDraft) -> impl IntoView {
    let i18n = use_i18n();
    let key = step.key;
    let index = move || draft.transition_index(key).unwrap_or_default();
    let path = move |field: &'static str| {
        Signal::derive(move || {
            if field.is_empty() {
                format!("transitions[{}]", index())
            } else {
                format!("transitions[{}].{field}", index())
            }
        })
    };
    let from_id = format!("step-{key}-from");
    let to_id = format!("step-{key}-to");
    let roles = ROLES
        .into_iter()
        .map(|role| {
            let id = format!("step-{key}-role-{}", role_code(role));
            let checked = move || step.roles.with(|r| r.contains(&role));
            let toggle = move |_| step.roles.update(|r| toggle(r, role));
            view! {
                <label class="check">
                    <input id=id type="checkbox" data-role=role_code(role) prop:checked=checked on:change=toggle />
                    {t(role_key(role))}
                </label>
            }
        })
        .collect_view();
    let guards = GUARDS
        .into_iter()
        .map(|guard| {
            let id = format!("step-{key}-guard-{}", guard_code(guard));
            let checked = move || step.guards.with(|g| g.contains(&guard));
            let toggle = move |_| step.guards.update(|g| toggle(g, guard));
            view! {
                <label class="check">
                    <input id=id type="checkbox" data-guard=guard_code(guard) prop:checked=checked on:change=toggle />
                    {t(guard_key(guard))}
                </label>
            }
        })
        .collect_view();
    let summary = move || summary(draft, step, i18n);
    view! {
        <li class="workflow-step" data-from=move || step.from.get() data-to=move || step.to.get()
            data-index=move || index().to_string()>
            <div class="row-head">
                <p class="step-summary">{summary}</p>
                <div class="row-actions">
                    <button type="button" class="button secondary small remove-transition"
                        on:click=move |_| draft.remove_transition(key)>{t("workflows.remove")}</button>
                </div>
            </div>
            <PathErrors draft path=path("") />
            <div class="step-ends">
                <div class="field">
                    <label for=from_id.clone()>{t("workflows.from")}</label>
                    <StageSelect draft id=from_id value=step.from path=path("from") />
                </div>
                <div class="field">
                    <label for=to_id.clone()>{t("workflows.to")}</label>
                    <StageSelect draft id=to_id value=step.to path=path("to") />
                </div>
            </div>
            <fieldset class="step-roles">
                <legend>{t("workflows.roles")}</legend>
                <p class="hint muted">{t("workflows.roles_hint")}</p>
                <div class="checks">{roles}</div>
            </fieldset>
            <fieldset class="step-guards">
                <legend>{t("workflows.guards")}</legend>
                <div class="checks">{guards}</div>
            </fieldset>
        </li>
    }
}

fn toggle<T: PartialEq + Copy>(list: &mut Vec<T>, item: T) {
    if let Some(at) = list.iter().position(|x| *x == item) {
        list.remove(at);
    } else {
        list.push(item);
    }
}

/// The step in words: "From Received to Diagnosing · Technician · needs: a technician is assigned".
fn summary(draft: Draft, step: TransitionDraft, i18n: crate::i18n::I18n) -> String {
    let lang = i18n.locale().code();
    let name = |code: String| stage_label(draft, &code, lang).unwrap_or(code);
    let mut text = i18n.format("workflows.step", &[("from", &name(step.from.get())), ("to", &name(step.to.get()))]);
    let roles: Vec<&str> = ROLES
        .into_iter()
        .filter(|r| step.roles.with(|x| x.contains(r)))
        .map(|r: Role| i18n.text(role_key(r)))
        .collect();
    text.push_str(" · ");
    if roles.is_empty() {
        text.push_str(i18n.text("workflows.anyone"));
    } else {
        text.push_str(&i18n.list(&roles));
    }
    let guards: Vec<&str> = GUARDS
        .into_iter()
        .filter(|g| step.guards.with(|x| x.contains(g)))
        .map(|g: Guard| i18n.text(guard_key(g)))
        .collect();
    if !guards.is_empty() {
        text.push_str(" · ");
        text.push_str(&i18n.format("workflows.needs", &[("guards", &i18n.list(&guards))]));
    }
    text
}
