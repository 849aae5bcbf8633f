//! Which board: the branch (a select for users who see several branches) and the
//! day (previous, next, today, or typed in the locale's calendar). Every change
//! navigates to the board's URL, so a reload or a shared link shows the same board.

use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use super::BoardView;
use crate::api;
use crate::i18n::date::iso_date;
use crate::i18n::{t, use_i18n};

/// `/dispatch?date=…&branch=…` (either part only when given).
pub fn href(date: Option<NaiveDate>, branch: Option<Uuid>) -> String {
    let mut parts = Vec::new();
    if let Some(d) = date {
        parts.push(format!("date={}", iso_date(d)));
    }
    if let Some(b) = branch {
        parts.push(format!("branch={b}"));
    }
    if parts.is_empty() { "/dispatch".to_owned() } else { format!("/dispatch?{}", parts.join("&")) }
}

#[component]
pub fn DayControls(board: BoardView, branch: Memo<Option<Uuid>>, date: Memo<Option<NaiveDate>>) -> impl IntoView {
    let i18n = use_i18n();
    let session = board.session;
    let navigate = use_navigate();
    let go = StoredValue::new(move |date: Option<NaiveDate>, branch: Option<Uuid>| {
        navigate(&href(date, branch), NavigateOptions::default());
    });
    let shown = move || date.get().or_else(|| board.day.get());
    let step = move |forward: bool| {
        let Some(day) = shown() else { return };
        let next = if forward { day.checked_add_days(Days::new(1)) } else { day.checked_sub_days(Days::new(1)) };
        go.with_value(|go| go(next, branch.get_untracked()));
    };
    let typed = RwSignal::new(String::new());
    // The field shows the board's day in the locale's calendar.
    Effect::new(move |_| typed.set(shown().map(|d| i18n.date_input_value(d)).unwrap_or_default()));
    let bad_date = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match i18n.parse_date(&typed.get_untracked()) {
            Some(d) => {
                bad_date.set(false);
                go.with_value(|go| go(Some(d), branch.get_untracked()));
            }
            None => bad_date.set(true),
        }
    };
    let today = move |_| go.with_value(|go| go(None, branch.get_untracked()));
    let branches =
        LocalResource::new(move || async move { api::reference::branches(session).await.unwrap_or_default() });
    let branch_select = move || {
        let list = branches.get().unwrap_or_default();
        (list.len() > 1).then(|| {
            let current = branch.get().map(|b| b.to_string()).unwrap_or_default();
            let options = list
                .into_iter()
                .map(|b| {
                    let selected = b.id.to_string() == current;
                    view! { <option value=b.id.to_string() data-code=b.code.clone() selected=selected>{format!("{} — {}", b.code, b.name)}</option> }
                })
                .collect_view();
            let choose = move |ev: leptos::ev::Event| {
                let picked = Uuid::parse_str(&event_target_value(&ev)).ok();
                go.with_value(|go| go(date.get_untracked(), picked));
            };
            view! {
                <div class="field">
                    <label for="dispatch-branch">{t("dispatch.branch")}</label>
                    <select id="dispatch-branch" on:change=choose>{options}</select>
                </div>
            }
        })
    };
    view! {
        <div class="dispatch-controls">
            {branch_select}
            <form id="dispatch-day-form" class="dispatch-day-form" on:submit=submit novalidate>
                <button id="dispatch-prev" type="button" class="button secondary" on:click=move |_| step(false)>
                    {t("dispatch.previous_day")}
                </button>
                <div class="field">
                    <label for="dispatch-date">{t("dispatch.date")}</label>
                    <input id="dispatch-date" type="text" inputmode="numeric" autocomplete="off" bind:value=typed
                        aria-invalid=move || bad_date.get().to_string() aria-describedby="dispatch-date-error" />
                </div>
                <button id="dispatch-go" type="submit" class="button secondary">{t("dispatch.show_day")}</button>
                <button id="dispatch-next" type="button" class="button secondary" on:click=move |_| step(true)>
                    {t("dispatch.next_day")}
                </button>
                <button id="dispatch-today" type="button" class="button link" on:click=today>{t("dispatch.today")}</button>
            </form>
            <Show when=move || bad_date.get()>
                <p id="dispatch-date-error" class="field-error" role="alert">{t("dispatch.error.date")}</p>
            </Show>
        </div>
    }
}
