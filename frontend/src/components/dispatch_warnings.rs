//! What dispatch warns about when a technician is chosen for a ticket
//! ([`DispatchWarning`]: another branch, a missing skill, a full day), in plain
//! words. Used by the dispatch board and the ticket page.

use aftersales_api_types::dispatch::DispatchWarning;
use aftersales_api_types::problem::Problem;
use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

/// The warnings of a 409 `dispatch_warnings` answer (each error's `field` is the
/// warning's code), or `None` for any other problem.
pub fn warnings_of(problem: &Problem) -> Option<Vec<DispatchWarning>> {
    (problem.code == "dispatch_warnings").then(|| {
        problem
            .errors
            .iter()
            .map(|e| DispatchWarning { code: e.field.clone(), message: e.message.clone(), skills: Vec::new() })
            .collect()
    })
}

/// The catalogue key of a warning's plain-words text, if the code is known.
pub fn warning_key(code: &str) -> Option<&'static str> {
    match code {
        "outside_branch" => Some("dispatch.warning.outside_branch"),
        "missing_skill" => Some("dispatch.warning.missing_skill"),
        "over_daily_load" => Some("dispatch.warning.over_daily_load"),
        _ => None,
    }
}

/// A list of warnings under a heading; `id` names the list for tests and labels.
#[component]
pub fn DispatchWarnings(
    /// The warnings to show (nothing is shown for none).
    warnings: Vec<DispatchWarning>,
    /// The heading's key, e.g. `dispatch.warnings_title`.
    #[prop(default = "dispatch.warnings_title")]
    title: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    if warnings.is_empty() {
        return ().into_any();
    }
    let items = warnings
        .into_iter()
        .map(|w| {
            let code = w.code.clone();
            let message = w.message.clone();
            let text = move || warning_key(&code).map_or_else(|| message.clone(), |k| i18n.text(k).to_owned());
            let skills = (!w.skills.is_empty()).then(|| {
                let list = w.skills.clone();
                view! {
                    " "
                    <span class="warning-skills">
                        {t("dispatch.warning.skills")}
                        " "
                        <bdi>{move || i18n.list(&list)}</bdi>
                    </span>
                }
            });
            view! {
                <li data-code=w.code>
                    {text}
                    {skills}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="dispatch-warnings" role="alert">
            <p class="dispatch-warnings-title">{t(title)}</p>
            <ul>{items}</ul>
        </div>
    }
    .into_any()
}
