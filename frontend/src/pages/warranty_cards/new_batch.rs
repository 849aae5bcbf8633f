//! Issuing a batch of cards for a brand (`POST /warranty-cards/batches`): prefix,
//! how many, a note. The new batch's numbers open, ready to print.

use aftersales_api_types::problem::Problem;
use aftersales_api_types::warranty_cards::IssueCardBatch;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use crate::api;
use crate::components::problem::{FieldErrors, browser_problem_of, names_field};
use crate::components::screen::{form_problem, opt};
use crate::components::toast::use_toasts;
use crate::i18n::number::latin_digits;
use crate::i18n::{t, use_i18n};
use crate::pages::serials::fields::{TextField, browser_error};
use crate::session::use_session;

#[component]
pub fn NewBatch(on_close: Callback<()>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let brand = RwSignal::new(String::new());
    let prefix = RwSignal::new(String::new());
    let count = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let errors: Signal<Option<Problem>> = problem.into();
    let busy = RwSignal::new(false);
    let brands = LocalResource::new(move || api::reference::brands(session));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        let brand_id = Uuid::parse_str(&brand.get_untracked()).ok();
        if brand_id.is_none() {
            found.push(browser_error("brand_id", "cards.error.brand_required"));
        }
        let code = prefix.get_untracked().trim().to_ascii_uppercase();
        if code.is_empty() || code.len() > 8 || !code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
            found.push(browser_error("prefix", "cards.error.prefix"));
        }
        let how_many =
            latin_digits(count.get_untracked().trim()).parse::<u32>().ok().filter(|n| (1..=10_000).contains(n));
        if how_many.is_none() {
            found.push(browser_error("count", "cards.error.count"));
        }
        let (Some(brand_id), Some(how_many), true) = (brand_id, how_many, found.is_empty()) else {
            problem.set(Some(browser_problem_of(found)));
            return;
        };
        let body = IssueCardBatch { brand_id, prefix: code, count: how_many, note: opt(&note.get_untracked()) };
        problem.set(None);
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::warranty_cards::issue_batch(session, &body).await {
                Ok(batch) => {
                    toasts.show(
                        i18n.format(
                            "cards.batch_issued",
                            &[("first", &batch.first_number), ("last", &batch.last_number)],
                        ),
                    );
                    navigate(&format!("/warranty-cards/batches/{}", batch.id), Default::default());
                }
                Err(e) => {
                    problem.try_set(Some(e.problem));
                    busy.try_set(false);
                }
            }
        });
    };
    let brand_options = move || {
        brands.get().map(|answer| {
            answer
                .unwrap_or_default()
                .into_iter()
                .filter(|b| b.active)
                .map(|b| view! { <option value=b.id.to_string() data-code=b.code.clone()>{b.name}</option> })
                .collect_view()
        })
    };
    let invalid = move |field: &'static str| move || problem.with(|p| names_field(p.as_ref(), field)).to_string();
    view! {
        <form id="cards-batch-form" class="card registry-form" on:submit=submit novalidate>
            <h3>{t("cards.new_batch")}</h3>
            {form_problem(problem, "cards-batch-problem")}
            <div class="form-grid">
                <div class="field">
                    <label for="cards-batch-brand">{t("cards.brand")}</label>
                    <select id="cards-batch-brand" on:change=move |ev| brand.set(event_target_value(&ev))
                        aria-invalid=invalid("brand_id") aria-describedby="cards-batch-brand-error">
                        <option value="">{t("serials.pick")}</option>
                        {brand_options}
                    </select>
                    <FieldErrors problem=errors field="brand_id" id="cards-batch-brand" />
                </div>
                <div class="field">
                    <label for="cards-batch-prefix">{t("cards.prefix")}</label>
                    <input id="cards-batch-prefix" type="text" dir="ltr" autocomplete="off" autocapitalize="characters"
                        maxlength="8" bind:value=prefix aria-invalid=invalid("prefix")
                        aria-describedby="cards-batch-prefix-hint cards-batch-prefix-error" />
                    <small id="cards-batch-prefix-hint" class="muted">{t("cards.prefix_hint")}</small>
                    <FieldErrors problem=errors field="prefix" id="cards-batch-prefix" />
                </div>
                <div class="field">
                    <label for="cards-batch-count">{t("cards.count")}</label>
                    <input id="cards-batch-count" type="text" inputmode="numeric" dir="ltr" autocomplete="off"
                        maxlength="5" bind:value=count aria-invalid=invalid("count")
                        aria-describedby="cards-batch-count-error" />
                    <FieldErrors problem=errors field="count" id="cards-batch-count" />
                </div>
                <TextField id="cards-batch-note" field="note" label="cards.note" value=note problem maxlength=200 />
            </div>
            <div class="form-actions">
                <button id="cards-batch-submit" type="submit" class="button primary" disabled=move || busy.get()>
                    {move || i18n.text(if busy.get() { "serials.saving" } else { "cards.issue" })}
                </button>
                <button id="cards-batch-cancel" type="button" class="button secondary" on:click=move |_| on_close.run(())>
                    {t("serials.cancel")}
                </button>
            </div>
        </form>
    }
}
