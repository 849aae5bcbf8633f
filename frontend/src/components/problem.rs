//! Shows a problem (RFC 9457) the way the user needs it: what went wrong, and for
//! invalid input, which field and why.

use aftersales_api_types::problem::{FieldError, Problem};
use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{I18n, use_i18n};

/// A problem found in the browser before sending: each `(field, key)` names a
/// field and the catalogue key of its message, shown beside the field. The title
/// is worded from the code, like a server's.
pub fn browser_problem(errors: &[(&str, &str)]) -> Problem {
    browser_problem_of(
        errors
            .iter()
            .map(|(field, key)| FieldError::new((*field).to_owned(), "invalid".to_owned(), (*key).to_owned()))
            .collect(),
    )
}

/// [`browser_problem`] from field errors made by the form.
pub fn browser_problem_of(errors: Vec<FieldError>) -> Problem {
    Problem {
        problem_type: "about:blank".to_owned(),
        title: "Invalid input".to_owned(),
        status: 422,
        code: "validation_failed".to_owned(),
        detail: None,
        errors,
    }
}

/// A field error in the reader's language: a catalogue key made in the browser,
/// a known rule worded from its code and limits, else the server's English.
pub fn field_message(i18n: &I18n, e: &FieldError) -> String {
    if let Some(text) = i18n.text_dynamic(&e.message) {
        return text.to_owned();
    }
    let number = |n: f64| {
        // Limits are whole numbers except for decimal ranges.
        let whole = n as i64;
        if whole as f64 == n { i18n.number(whole) } else { n.to_string() }
    };
    let limits = |rule: &str| -> Option<String> {
        let (key, args): (String, Vec<(&str, String)>) = match (e.equal, e.min, e.max) {
            (Some(eq), _, _) => (format!("field_error.{rule}_equal"), vec![("equal", number(eq))]),
            (None, Some(min), Some(max)) => {
                (format!("field_error.{rule}_between"), vec![("min", number(min)), ("max", number(max))])
            }
            (None, Some(min), None) => (format!("field_error.{rule}_min"), vec![("min", number(min))]),
            (None, None, Some(max)) => (format!("field_error.{rule}_max"), vec![("max", number(max))]),
            (None, None, None) => return None,
        };
        let template = i18n.text_dynamic(&key)?;
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        Some(crate::i18n::catalog::interpolate(template, &args))
    };
    let worded = match e.code.as_str() {
        "length" | "range" => limits(&e.code),
        code if code.starts_with("unknown_") && code != "unknown_field" => {
            i18n.text_dynamic("field_error.unknown").map(str::to_owned)
        }
        code => i18n.text_dynamic(&format!("field_error.{code}")).map(str::to_owned),
    };
    worded.unwrap_or_else(|| e.message.clone())
}

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
                        let (attr, field) = (e.field.clone(), e.field.clone());
                        let message = move || field_message(&i18n, &e);
                        view! {
                            <li data-field=attr>
                                <strong>{field}</strong>
                                ": "
                                {message}
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
    let messages = move || problem.with(|p| messages_on(&i18n, p.as_ref(), |f| f == field));
    view! {
        <Show when=move || !messages().is_empty()>
            <p class="field-error" id=format!("{id}-error") data-field=field role="alert">
                {move || messages().join(" ")}
            </p>
        </Show>
    }
}

/// [`FieldErrors`] for an input that answers for several fields, or for fields
/// whose names are made at run time (`lines[2].serial`).
#[component]
pub fn FieldGroupErrors(
    /// The form's current problem, if any.
    problem: Signal<Option<Problem>>,
    /// The fields' paths in the request.
    fields: Vec<String>,
    /// The input's id.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let fields = StoredValue::new(fields);
    let messages = move || {
        problem.with(|p| fields.with_value(|fields| messages_on(&i18n, p.as_ref(), |f| fields.iter().any(|n| n == f))))
    };
    let id = StoredValue::new(format!("{id}-error"));
    view! {
        <Show when=move || !messages().is_empty()>
            <p class="field-error" id=id.get_value() role="alert">{move || messages().join(" ")}</p>
        </Show>
    }
}

/// The messages, in the user's words, of the problem's errors on the fields `on` accepts.
fn messages_on(i18n: &I18n, problem: Option<&Problem>, on: impl Fn(&str) -> bool) -> Vec<String> {
    problem
        .map(|p| p.errors.iter().filter(|e| on(&e.field)).map(|e| field_message(i18n, e)).collect())
        .unwrap_or_default()
}

/// Whether the problem names this field (for `aria-invalid`).
pub fn names_field(problem: Option<&Problem>, field: &str) -> bool {
    problem.is_some_and(|p| p.errors.iter().any(|e| e.field == field))
}

/// Whether the problem names any of these fields (for `aria-invalid`).
pub fn names_any(problem: Option<&Problem>, fields: &[String]) -> bool {
    problem.is_some_and(|p| p.errors.iter().any(|e| fields.contains(&e.field)))
}
