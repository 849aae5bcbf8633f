//! Pieces the registry's forms share: a labelled text or date field with its
//! errors beside it, reading a typed date, and picking a customer by search.

use aftersales_api_types::customers::CustomerDto;
use aftersales_api_types::problem::{FieldError, Problem};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::components::problem::{FieldErrors, ProblemView, names_field};
use crate::i18n::{I18n, t, use_i18n};
use crate::session::use_session;

/// A text field: label, input, and the form's errors for `field` beside it.
#[component]
pub fn TextField(
    id: &'static str,
    field: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    problem: RwSignal<Option<Problem>>,
    #[prop(default = 120)] maxlength: u32,
    /// Codes and numbers read left to right in every language.
    #[prop(optional)]
    ltr: bool,
) -> impl IntoView {
    let errors: Signal<Option<Problem>> = problem.into();
    view! {
        <div class="field">
            <label for=id>{t(label)}</label>
            <input id=id type="text" dir=if ltr { "ltr" } else { "auto" } autocomplete="off" maxlength=maxlength
                bind:value=value aria-invalid=move || problem.with(|p| names_field(p.as_ref(), field)).to_string()
                aria-describedby=format!("{id}-error") />
            <FieldErrors problem=errors field id />
        </div>
    }
}

/// A date field in the reader's calendar (Persian: Jalali), with an example.
#[component]
pub fn DateField(
    id: &'static str,
    field: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    problem: RwSignal<Option<Problem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let errors: Signal<Option<Problem>> = problem.into();
    let hint = move || {
        let example = NaiveDate::from_ymd_opt(2026, 1, 15).map(|d| i18n.date_input_value(d)).unwrap_or_default();
        i18n.format("serials.date_hint", &[("example", &example)])
    };
    view! {
        <div class="field">
            <label for=id>{t(label)}</label>
            <input id=id type="text" dir="ltr" autocomplete="off" maxlength="20" bind:value=value
                aria-invalid=move || problem.with(|p| names_field(p.as_ref(), field)).to_string()
                aria-describedby=format!("{id}-hint {id}-error") />
            <small id=format!("{id}-hint") class="muted">{hint}</small>
            <FieldErrors problem=errors field id />
        </div>
    }
}

/// A day as its field shows it; empty for none.
pub fn day_text(i18n: &I18n, day: Option<NaiveDate>) -> String {
    day.map(|d| i18n.date_input_value(d)).unwrap_or_default()
}

/// What was typed into a date field: `None` when empty; a field error (a
/// catalogue key) when it is not a day.
pub fn read_day(i18n: &I18n, text: &str, field: &str, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    if text.trim().is_empty() {
        return None;
    }
    let day = i18n.parse_date(text);
    if day.is_none() {
        errors.push(browser_error(field, "serials.error.date"));
    }
    day
}

/// A field error found in the browser; its message is a catalogue key.
pub fn browser_error(field: &str, key: &str) -> FieldError {
    FieldError::new(field.to_owned(), "invalid".to_owned(), key.to_owned())
}

/// Picks a customer by searching name, phone, e-mail or tax id. No `<form>` of
/// its own (it sits inside the form it picks for): Enter in the field searches.
#[component]
pub fn CustomerPick(
    /// Prefix of the element ids, e.g. `serial-new-owner`.
    id: &'static str,
    chosen: RwSignal<Option<CustomerDto>>,
    problem: RwSignal<Option<Problem>>,
    /// The request's field the customer goes to.
    field: &'static str,
) -> impl IntoView {
    let session = use_session();
    let typed = RwSignal::new(String::new());
    let found = RwSignal::new(None::<Result<Vec<CustomerDto>, api::ApiError>>);
    let searching = RwSignal::new(false);
    let errors: Signal<Option<Problem>> = problem.into();
    let search = move || {
        let q = typed.get_untracked().trim().to_owned();
        if q.is_empty() {
            return;
        }
        searching.set(true);
        spawn_local(async move {
            let answer = api::intake::search_customers(session, q).await;
            found.try_set(Some(answer));
            searching.try_set(false);
        });
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            search();
        }
    };
    let results = move || {
        found.get().map(|answer| match answer {
            Ok(list) if list.is_empty() => {
                view! { <p id=format!("{id}-none") class="muted" role="status">{t("serials.customer_none")}</p> }
                    .into_any()
            }
            Ok(list) => view! {
                <ul id=format!("{id}-results") class="registry-choices">
                    {list
                        .into_iter()
                        .map(|c| {
                            let phone = c.phones.first().map(|p| p.number.clone()).unwrap_or_default();
                            let name = c.name.clone();
                            view! {
                                <li>
                                    <button type="button" class="button secondary registry-customer-choice"
                                        data-id=c.id.to_string()
                                        on:click=move |_| {
                                            chosen.set(Some(c.clone()));
                                            found.set(None);
                                        }>
                                        <bdi>{name}</bdi>
                                        " · "
                                        <bdi dir="ltr">{phone}</bdi>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any(),
            Err(e) => view! { <div class="alert" role="alert"><ProblemView problem=e.problem /></div> }.into_any(),
        })
    };
    let picked = move || {
        chosen.get().map(|c| {
            view! {
                <p id=format!("{id}-chosen") class="registry-chosen" role="status" data-id=c.id.to_string()>
                    <strong><bdi>{c.name}</bdi></strong>
                    " "
                    <button type="button" class="button link" id=format!("{id}-clear") on:click=move |_| chosen.set(None)>
                        {t("serials.customer_change")}
                    </button>
                </p>
            }
        })
    };
    view! {
        <div class="field wide registry-customer">
            <label for=format!("{id}-q")>{t("serials.customer_search")}</label>
            {picked}
            <Show when=move || chosen.with(Option::is_none)>
                <div class="registry-find">
                    <input id=format!("{id}-q") type="search" dir="auto" autocomplete="off" maxlength="100"
                        bind:value=typed on:keydown=on_key
                        aria-invalid=move || problem.with(|p| names_field(p.as_ref(), field)).to_string() />
                    <button id=format!("{id}-find") type="button" class="button secondary"
                        disabled=move || searching.get() on:click=move |_| search()>
                        {t("serials.customer_find")}
                    </button>
                </div>
                {results}
            </Show>
            <FieldErrors problem=errors field id />
        </div>
    }
}
