//! Shows a problem (RFC 9457) the way the user needs it: what went wrong, and for
//! invalid input, which field and why.

use aftersales_api_types::problem::Problem;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::use_i18n;

/// One problem: its title, its detail, and the failing fields if any.
#[component]
pub fn ProblemView(problem: Problem) -> impl IntoView {
    let Problem { title, detail, errors, code, .. } = problem;
    // The title in the reader's language when the code is known, else the server's.
    let i18n = use_i18n();
    let title_key = format!("problem.{code}");
    let title = move || i18n.text_dynamic(&title_key).map_or_else(|| title.clone(), str::to_owned);
    let fields = (!errors.is_empty()).then(|| {
        view! {
            <ul class="problem-fields">
                {errors
                    .into_iter()
                    .map(|e| {
                        let field = e.field.clone();
                        view! {
                            <li data-field=field>
                                <strong>{e.field}</strong>
                                ": "
                                {e.message}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    });
    view! {
        <div class="problem" data-code=code>
            <p class="problem-title">{title}</p>
            {detail.map(|d| view! { <p class="problem-detail">{d}</p> })}
            {fields}
        </div>
    }
}

/// The fallback of an `<ErrorBoundary>`: every error it caught, as problems.
#[component]
pub fn ErrorsView(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let list = move || {
        errors.with(|errors| {
            errors
                .iter()
                .map(|(_, error)| {
                    let problem = match error.downcast_ref::<ApiError>() {
                        Some(api) => api.problem.clone(),
                        None => Problem {
                            problem_type: "about:blank".to_owned(),
                            title: "Something went wrong".to_owned(),
                            status: 0,
                            code: "client_error".to_owned(),
                            detail: Some(error.to_string()),
                            errors: Vec::new(),
                        },
                    };
                    view! { <ProblemView problem /> }
                })
                .collect_view()
        })
    };
    view! {
        <div class="errors" role="alert">
            {list}
        </div>
    }
}

/// A form's problem without its field errors (those stand next to their fields,
/// see [`FieldErrors`]).
pub fn without_fields(problem: &Problem) -> Problem {
    Problem { errors: Vec::new(), ..problem.clone() }
}

/// The messages of one field of a form's problem (catalogue keys for problems found
/// in the browser, texts for the server's), shown under that field
/// (`id="<id>-error"`, for the input's `aria-describedby`).
#[component]
pub fn FieldErrors(
    /// The form's current problem, if any.
    problem: Signal<Option<Problem>>,
    /// The field's path in the request, e.g. `quantity`.
    field: &'static str,
    /// The input's id.
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    // A message made here is a catalogue key, so it follows a change of language;
    // the server's messages are shown as they are.
    let message = move |text: &str| i18n.text_dynamic(text).map_or_else(|| text.to_owned(), str::to_owned);
    let messages = move || {
        problem.with(|p| {
            p.as_ref()
                .map(|p| p.errors.iter().filter(|e| e.field == field).map(|e| message(&e.message)).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    view! {
        <Show when=move || !messages().is_empty()>
            <p class="field-error" id=format!("{id}-error") data-field=field role="alert">
                {move || messages().join(" ")}
            </p>
        </Show>
    }
}

/// Whether the problem names this field (for `aria-invalid`).
pub fn names_field(problem: Option<&Problem>, field: &str) -> bool {
    problem.is_some_and(|p| p.errors.iter().any(|e| e.field == field))
}
