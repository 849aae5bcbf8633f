//! The callback to the customer (`/tickets/{id}/callback`): the task exists once
//! the work is completed; the office asks the script's questions and records the
//! answers, or that nobody answered. The ticket's steps follow (`callback_done`).

use std::collections::BTreeMap;

use aftersales_api_types::auth::Permission;
use aftersales_api_types::followups::{AnswerKind, CallbackDto, CallbackQuestion, CallbackStatus, RecordCallback};
use aftersales_api_types::problem::Problem;
use leptos::prelude::*;
use serde_json::Value;

use super::TicketView;
use crate::api;
use crate::components::followup::callback_status_key;
use crate::components::problem::{FieldErrors, ProblemView, without_fields};
use crate::components::screen::opt;
use crate::components::toast::use_toasts;
use crate::i18n::date::iso_instant;
use crate::i18n::{I18n, t, use_i18n};

/// A question in the reader's language when this client knows it, else the script's words.
fn question_text(i18n: I18n, code: &str, text: &str) -> String {
    i18n.text_dynamic(&format!("work.q.{code}")).map_or_else(|| text.to_owned(), str::to_owned)
}

/// An answer as the reader reads it.
fn answer_words(i18n: I18n, answer: &Value) -> String {
    match answer {
        Value::Bool(true) => i18n.text("work.yes").to_owned(),
        Value::Bool(false) => i18n.text("work.no").to_owned(),
        Value::Number(n) => n.as_i64().map_or_else(|| n.to_string(), |n| i18n.number(n)),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[component]
pub fn CallbackSection(view: TicketView) -> impl IntoView {
    let session = view.session;
    let callback = LocalResource::new(move || {
        let _ = view.changes.get();
        api::work::callback(session, view.id)
    });
    let script = LocalResource::new(move || api::work::script(session));
    // The roles are read once: signing out leaves the page, it does not re-draw it.
    let handler = untrack(|| session.may(Permission::HandleFollowUps));
    let body = move || match (callback.get(), script.get()) {
        (None, _) | (_, None) => view! { <p class="muted">{t("table.loading")}</p> }.into_any(),
        (Some(Err(e)), _) if e.problem.status == 404 => {
            view! { <p id="work-callback-none" class="muted">{t("work.callback_none")}</p> }.into_any()
        }
        (Some(Err(e)), _) | (_, Some(Err(e))) => view! { <ProblemView problem=e.problem /> }.into_any(),
        (Some(Ok(callback)), Some(Ok(script))) => {
            let may =
                callback.status == CallbackStatus::Pending && handler && !view.ticket.with_untracked(|t| t.sealed);
            let form = may.then(|| view! { <CallbackForm view script=script.clone() /> });
            view! { <CallbackFacts callback script /> {form} }.into_any()
        }
    };
    view! {
        <section id="work-callback" class="card ticket-section" aria-labelledby="work-callback-title">
            <h2 id="work-callback-title">{t("work.callback_title")}</h2>
            {body}
        </section>
    }
}

#[component]
fn CallbackFacts(callback: CallbackDto, script: Vec<CallbackQuestion>) -> impl IntoView {
    let i18n = use_i18n();
    let status = callback.status;
    let status_code = serde_json::to_value(status).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
    let due = callback.due_at;
    let attempts = i64::from(callback.attempts);
    let score = callback.satisfaction_score;
    let answers = callback.answers.clone().and_then(|a| a.as_object().cloned()).unwrap_or_default();
    let answered = script
        .into_iter()
        .filter_map(|q| answers.get(&q.code).cloned().map(|a| (q, a)))
        .map(|(q, a)| {
            let code = q.code.clone();
            view! {
                <dt>{move || question_text(i18n, &q.code, &q.text)}</dt>
                <dd data-answer=code>{move || answer_words(i18n, &a)}</dd>
            }
        })
        .collect_view();
    let contradictions = (!callback.contradictions.is_empty()).then(|| {
        view! { <p id="work-callback-flagged" class="alert warn" role="status">{t("work.callback_contradicts")}</p> }
    });
    let notes = callback.notes.clone();
    view! {
        <dl class="facts">
            <dt>{t("work.callback_status")}</dt>
            <dd id="work-callback-status" data-status=status_code>
                {t(callback_status_key(status))}
                {callback.overdue.then(|| view! { " " <span class="badge warn">{t("work.overdue")}</span> })}
            </dd>
            <dt>{t("work.callback_due")}</dt>
            <dd><time datetime=iso_instant(due)>{move || i18n.date_time(due)}</time></dd>
            <dt>{t("work.unanswered_calls")}</dt>
            <dd id="work-callback-attempts">{move || i18n.number(attempts)}</dd>
            <dt>{t("work.satisfaction")}</dt>
            <dd id="work-callback-score">{move || score.map_or_else(|| "—".to_owned(), |s| {
                i18n.format("work.score_of_five", &[("score", &i18n.number(i64::from(s))), ("max", &i18n.number(5))])
            })}</dd>
            {answered}
            {notes.map(|n| view! { <dt>{t("work.callback_notes")}</dt><dd class="prewrap">{n}</dd> })}
        </dl>
        {contradictions}
    }
}

#[component]
fn CallbackForm(view: TicketView, script: Vec<CallbackQuestion>) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let session = view.session;
    let reached = RwSignal::new("yes".to_owned());
    let notes = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let questions: Vec<(CallbackQuestion, RwSignal<String>)> =
        script.into_iter().map(|q| (q, RwSignal::new(String::new()))).collect();
    let answers = StoredValue::new(questions.iter().map(|(q, s)| (q.code.clone(), q.kind, *s)).collect::<Vec<_>>());

    let record = Action::new_local(move |request: &RecordCallback| {
        let request = request.clone();
        let version = view.ticket.with_untracked(|t| t.version);
        async move {
            match api::work::record_callback(session, view.id, version, &request).await {
                Ok(_) => {
                    toasts.show(i18n.text("work.callback_saved"));
                    view.reload();
                }
                Err(e) => view.refused(problem, e.problem),
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let was_reached = reached.get_untracked() == "yes";
        let mut given = BTreeMap::new();
        if was_reached {
            answers.with_value(|answers| {
                for (code, kind, value) in answers {
                    let text = value.get_untracked();
                    let answer = match kind {
                        AnswerKind::YesNo => match text.as_str() {
                            "yes" => Some(Value::Bool(true)),
                            "no" => Some(Value::Bool(false)),
                            _ => None,
                        },
                        AnswerKind::Score => text.parse::<i64>().ok().map(Value::from),
                        AnswerKind::Text => opt(&text).map(Value::String),
                    };
                    if let Some(answer) = answer {
                        given.insert(code.clone(), answer);
                    }
                }
            });
        }
        problem.set(None);
        record.dispatch_local(RecordCallback {
            reached: was_reached,
            answers: given,
            notes: opt(&notes.get_untracked()),
        });
    };
    let problem_signal: Signal<Option<Problem>> = problem.into();
    let form_problem = move || {
        problem.get().filter(|p| !p.title.is_empty()).map(|p| {
            view! { <div id="work-callback-problem" class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div> }
        })
    };
    let fields =
        questions.into_iter().map(|(q, value)| view! { <QuestionField question=q value problem /> }).collect_view();
    view! {
        <form id="work-callback-form" class="callback-form" on:submit=on_submit novalidate>
            <h3>{t("work.record_callback")}</h3>
            {form_problem}
            <div class="field">
                <label for="work-reached">{t("work.reached")}</label>
                <select id="work-reached" bind:value=reached>
                    <option value="yes">{t("work.reached_yes")}</option>
                    <option value="no">{t("work.reached_no")}</option>
                </select>
                <FieldErrors problem=problem_signal field="answers" id="work-reached" />
            </div>
            <div class="callback-answers" prop:hidden=move || reached.get() != "yes">{fields}</div>
            <div class="field">
                <label for="work-callback-notes">{t("work.callback_notes")}</label>
                <textarea id="work-callback-notes" rows="2" bind:value=notes></textarea>
                <FieldErrors problem=problem_signal field="notes" id="work-callback-notes" />
            </div>
            <div class="actions">
                <button type="submit" id="work-callback-submit" class="button" prop:disabled=move || record.pending().get()>
                    {t("work.record_callback")}
                </button>
            </div>
        </form>
    }
}

#[component]
fn QuestionField(
    question: CallbackQuestion,
    value: RwSignal<String>,
    problem: RwSignal<Option<Problem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("work-q-{}", question.code);
    let field = format!("answers.{}", question.code);
    let errors = move || {
        problem.with(|p| {
            p.as_ref()
                .map(|p| p.errors.iter().filter(|e| e.field == field).map(|e| e.message.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let error_id = format!("{id}-error");
    let error = move || {
        let found = errors();
        (!found.is_empty())
            .then(|| view! { <p class="field-error" id=error_id.clone() role="alert">{found.join(" ")}</p> })
    };
    let (code, text) = (question.code.clone(), question.text.clone());
    let label = move || {
        let words = question_text(i18n, &code, &text);
        if question.required { words } else { i18n.format("work.optional", &[("label", &words)]) }
    };
    let input = match question.kind {
        AnswerKind::YesNo => view! {
            <select id=id.clone() bind:value=value>
                <option value="">{t("work.choose_answer")}</option>
                <option value="yes">{t("work.yes")}</option>
                <option value="no">{t("work.no")}</option>
            </select>
        }
        .into_any(),
        AnswerKind::Score => view! {
            <select id=id.clone() bind:value=value>
                <option value="">{t("work.choose_answer")}</option>
                {(1..=5).map(|n| view! { <option value=n.to_string()>{move || i18n.number(n)}</option> }).collect_view()}
            </select>
        }
        .into_any(),
        AnswerKind::Text => view! { <textarea id=id.clone() rows="2" bind:value=value></textarea> }.into_any(),
    };
    view! {
        <div class="field" data-question=question.code.clone()>
            <label for=id.clone()>{label}</label>
            {input}
            {error}
        </div>
    }
}
