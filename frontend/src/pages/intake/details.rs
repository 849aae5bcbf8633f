//! Steps 4 and 5: the ticket's kind, the symptoms (codes of the unit's product
//! category) and the customer's words; then what came in with the unit and its
//! condition.

use aftersales_api_types::fault_codes::{FaultCodeDto, Names};
use leptos::prelude::*;

use super::Draft;
use crate::api;
use crate::components::problem::{FieldErrors, ProblemView, names_field};
use crate::i18n::labels::{TICKET_KINDS, ticket_kind_key};
use crate::i18n::locale::Locale;
use crate::i18n::{t, use_i18n};
use crate::query::{from_wire, wire};
use crate::session::use_session;

/// A code's name in the reader's language, else in English.
fn name_in(names: &Names, locale: Locale) -> String {
    let own = match locale {
        Locale::En => None,
        Locale::Vi => names.vi.as_ref(),
        Locale::Fa => names.fa.as_ref(),
        Locale::Zh => names.zh.as_ref(),
    };
    own.unwrap_or(&names.en).clone()
}

#[component]
pub fn FaultsStep(draft: Draft) -> impl IntoView {
    let session = use_session();
    let problem = draft.problem_signal();
    let codes = LocalResource::new(move || {
        // The registered unit's model, else the one chosen for an unregistered unit.
        let model = draft.unit.with(|u| u.as_ref().map(|u| u.model_id)).or_else(|| draft.model.get());
        async move {
            let model = api::reference::model(session, model?).await;
            Some(match model {
                Ok(model) => api::reference::codes(session, "symptom", model.category_id).await,
                Err(e) => Err(e),
            })
        }
    });
    let list = move || {
        codes.get().map(|answer| match answer {
            None => view! { <p class="muted">{t("intake.faults_need_unit")}</p> }.into_any(),
            Some(Ok(codes)) if codes.is_empty() => view! { <p class="muted">{t("intake.faults_none")}</p> }.into_any(),
            Some(Ok(codes)) => {
                codes.into_iter().map(|code| view! { <FaultCheck draft code /> }).collect_view().into_any()
            }
            Some(Err(e)) => view! { <ProblemView problem=e.problem /> }.into_any(),
        })
    };
    let code_error = move || {
        problem.with(|p| {
            p.as_ref()
                .and_then(|p| p.errors.iter().find(|e| e.field.starts_with("fault_codes[")).map(|e| e.message.clone()))
        })
    };
    view! {
        <li class="card intake-step" aria-labelledby="intake-step4">
            <h2 id="intake-step4">{t("intake.step.faults")}</h2>
            <div class="field">
                <label for="intake-kind">{t("intake.kind")}</label>
                <select id="intake-kind" on:change=move |ev| {
                    if let Some(kind) = from_wire(&event_target_value(&ev)) {
                        draft.kind.set(kind);
                    }
                }>
                    {TICKET_KINDS
                        .into_iter()
                        .map(|k| view! { <option value=wire(&k) selected=move || draft.kind.get() == k>{t(ticket_kind_key(k))}</option> })
                        .collect_view()}
                </select>
                <FieldErrors problem field="kind" id="intake-kind" />
            </div>
            <fieldset id="intake-faults" class="checks intake-faults">
                <legend>{t("intake.faults")}</legend>
                <Transition fallback=|| view! { <p class="muted" role="status">{t("table.loading")}</p> }>{list}</Transition>
            </fieldset>
            <FieldErrors problem field="fault_codes" id="intake-faults" />
            {move || code_error().map(|m| view! { <p class="field-error" id="intake-fault-code-error" role="alert">{m}</p> })}
            <div class="field">
                <label for="intake-description">{t("intake.description")}</label>
                <textarea id="intake-description" dir="auto" rows="3" maxlength="4000"
                    aria-invalid=move || names_field(problem.get().as_ref(), "fault_description").to_string()
                    prop:value=move || draft.description.get()
                    on:input=move |ev| draft.description.set(event_target_value(&ev))></textarea>
                <FieldErrors problem field="fault_description" id="intake-description" />
            </div>
        </li>
    }
}

/// One symptom, ticked or not.
#[component]
fn FaultCheck(draft: Draft, code: FaultCodeDto) -> impl IntoView {
    let i18n = use_i18n();
    let FaultCodeDto { code, names, .. } = code;
    let id = format!("intake-fault-{code}");
    let value = code.clone();
    let checked = {
        let code = code.clone();
        move || draft.faults.with(|f| f.contains(&code))
    };
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        draft.faults.update(|f| {
            f.retain(|c| *c != value);
            if on {
                f.push(value.clone());
            }
        });
    };
    view! {
        <label>
            <input id=id type="checkbox" class="intake-fault" data-code=code.clone() prop:checked=checked on:change=toggle />
            {move || name_in(&names, i18n.locale())}
            " "
            <bdi class="muted code">{code.clone()}</bdi>
        </label>
    }
}

#[component]
pub fn AccessoriesStep(draft: Draft) -> impl IntoView {
    let problem = draft.problem_signal();
    view! {
        <li class="card intake-step" aria-labelledby="intake-step5">
            <h2 id="intake-step5">{t("intake.step.accessories")}</h2>
            <div class="field">
                <label for="intake-accessories">{t("intake.accessories")}</label>
                <textarea id="intake-accessories" dir="auto" rows="2" aria-describedby="intake-accessories-hint"
                    aria-invalid=move || names_field(problem.get().as_ref(), "accessories").to_string()
                    prop:value=move || draft.accessories.get()
                    on:input=move |ev| draft.accessories.set(event_target_value(&ev))></textarea>
                <small id="intake-accessories-hint" class="muted">{t("intake.accessories_hint")}</small>
                <FieldErrors problem field="accessories" id="intake-accessories" />
            </div>
            <div class="field">
                <label for="intake-condition">{t("intake.condition")}</label>
                <textarea id="intake-condition" dir="auto" rows="2" maxlength="2000"
                    aria-invalid=move || names_field(problem.get().as_ref(), "condition_notes").to_string()
                    prop:value=move || draft.condition.get()
                    on:input=move |ev| draft.condition.set(event_target_value(&ev))></textarea>
                <FieldErrors problem field="condition_notes" id="intake-condition" />
            </div>
        </li>
    }
}
