//! `/settings/tickets`: the ticket desk's settings (admins): the repeat-repair
//! window, a technician's daily jobs, when callbacks fall due, and how long an old
//! part may take to come back. Checked here first, then by the server; the messages
//! stand next to their fields.

use aftersales_api_types::problem::{FieldError, Problem};
use aftersales_api_types::tickets::TicketSettings;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::{self, ApiError};
use crate::components::problem::{ErrorsView, FieldErrors, ProblemView, names_field, without_fields};
use crate::components::toast::use_toasts;
use crate::i18n::number::latin_digits;
use crate::i18n::{t, use_i18n};
use crate::session::{Session, use_session};

/// One field: its API name, label and hint keys, and the range it takes.
struct Field {
    name: &'static str,
    label: &'static str,
    hint: &'static str,
    min: u32,
    max: u32,
}

const FIELDS: [Field; 4] = [
    Field {
        name: "repeat_repair_days",
        label: "workflows.repeat_repair_days",
        hint: "workflows.repeat_repair_days_hint",
        min: 0,
        max: 365,
    },
    Field {
        name: "technician_daily_jobs",
        label: "workflows.technician_daily_jobs",
        hint: "workflows.technician_daily_jobs_hint",
        min: 1,
        max: 50,
    },
    Field {
        name: "callback_due_hours",
        label: "workflows.callback_due_hours",
        hint: "workflows.callback_due_hours_hint",
        min: 1,
        max: 720,
    },
    Field {
        name: "defective_return_days",
        label: "workflows.defective_return_days",
        hint: "workflows.defective_return_days_hint",
        min: 1,
        max: 365,
    },
];

fn value_of(settings: &TicketSettings, name: &str) -> u32 {
    match name {
        "repeat_repair_days" => settings.repeat_repair_days,
        "technician_daily_jobs" => settings.technician_daily_jobs,
        "callback_due_hours" => settings.callback_due_hours,
        _ => settings.defective_return_days,
    }
}

#[component]
pub fn TicketSettingsPage() -> impl IntoView {
    let session = use_session();
    let settings = LocalResource::new(move || api::workflows::ticket_settings(session));
    view! {
        <section class="page ticket-settings-page">
            <p><A href="/settings">{t("workflows.back_settings")}</A></p>
            <h1 id="ticket-settings-title">{t("workflows.ticket_settings")}</h1>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move {
                        settings.await.map(|settings| view! { <SettingsForm session settings /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn SettingsForm(session: Session, settings: TicketSettings) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let values: [RwSignal<String>; 4] =
        FIELDS.each_ref().map(|f| RwSignal::new(i18n.number(i64::from(value_of(&settings, f.name)))));
    let problem = RwSignal::new(None::<Problem>);
    let saved = RwSignal::new(false);
    let save = Action::new_local(move |body: &TicketSettings| {
        let body = *body;
        async move {
            match api::workflows::put_ticket_settings(session, &body).await {
                Ok(stored) => {
                    for (field, value) in FIELDS.iter().zip(values) {
                        value.try_set(i18n.number(i64::from(value_of(&stored, field.name))));
                    }
                    saved.try_set(true);
                    toasts.show(i18n.text("workflows.settings_saved"));
                }
                Err(ApiError { problem: p }) => {
                    problem.try_set(Some(p));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        match check(&values.map(|v| v.get_untracked())) {
            Ok(body) => {
                problem.set(None);
                save.dispatch_local(body);
            }
            Err(found) => problem.set(Some(found)),
        }
    };
    let problem_signal: Signal<Option<Problem>> = problem.into();
    let form_problem = move || {
        problem.get().map(|p| view! { <div id="settings-problem" class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div> })
    };
    let fields = FIELDS
        .iter()
        .zip(values)
        .map(|(field, value)| {
            let name = field.name;
            let id: &'static str = match name {
                "repeat_repair_days" => "setting-repeat_repair_days",
                "technician_daily_jobs" => "setting-technician_daily_jobs",
                "callback_due_hours" => "setting-callback_due_hours",
                _ => "setting-defective_return_days",
            };
            let invalid = move || problem.with(|p| names_field(p.as_ref(), name)).to_string();
            let hint = field.hint;
            let (min, max) = (field.min, field.max);
            let range = move || {
                i18n.format(
                    "workflows.range",
                    &[("min", &i18n.number(i64::from(min))), ("max", &i18n.number(i64::from(max)))],
                )
            };
            view! {
                <div class="field">
                    <label for=id>{t(field.label)}</label>
                    <input id=id type="text" inputmode="numeric" autocomplete="off" bind:value=value
                        aria-invalid=invalid aria-describedby=format!("{id}-hint {id}-error") />
                    <p id=format!("{id}-hint") class="hint muted">{t(hint)} " " {range}</p>
                    <FieldErrors problem=problem_signal field=name id />
                </div>
            }
        })
        .collect_view();
    view! {
        <form id="ticket-settings-form" class="card settings-form" on:submit=submit novalidate>
            {form_problem}
            <Show when=move || saved.get()>
                <p id="ticket-settings-saved" class="notice" role="status">{t("workflows.settings_saved")}</p>
            </Show>
            {fields}
            <button id="ticket-settings-save" type="submit" class="button primary" disabled=move || save.pending().get()>
                {move || i18n.text(if save.pending().get() { "workflows.saving" } else { "workflows.save" })}
            </button>
        </form>
    }
}

/// The settings typed, or the fields that are not whole numbers in range.
fn check(texts: &[String; 4]) -> Result<TicketSettings, Problem> {
    let mut numbers = [0u32; 4];
    let mut errors = Vec::new();
    for ((field, text), number) in FIELDS.iter().zip(texts).zip(numbers.iter_mut()) {
        let digits = latin_digits(text.trim()).replace([',', '.', '٬', ' '], "");
        match digits.parse::<u32>() {
            Ok(n) if (field.min..=field.max).contains(&n) => *number = n,
            _ => errors.push(FieldError::new(
                field.name.to_owned(),
                "invalid".to_owned(),
                "workflows.error.range".to_owned(),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(Problem {
            problem_type: "about:blank".to_owned(),
            title: "Invalid input".to_owned(),
            status: 422,
            code: "validation_failed".to_owned(),
            detail: None,
            errors,
        });
    }
    let [repeat_repair_days, technician_daily_jobs, callback_due_hours, defective_return_days] = numbers;
    Ok(TicketSettings { repeat_repair_days, technician_daily_jobs, callback_due_hours, defective_return_days })
}
