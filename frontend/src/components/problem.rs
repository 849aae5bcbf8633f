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
