//! What the ticket page's follow-up sections and the follow-ups work list share:
//! a callback's and a complaint's words, and the form that closes a complaint.

use aftersales_api_types::followups::{
    CallbackStatus, ComplaintCategory, ComplaintDto, ComplaintOutcome, ComplaintStatus, ResolveComplaint,
};
use aftersales_api_types::problem::Problem;
use leptos::prelude::*;

use crate::api;
use crate::components::problem::{FieldErrors, ProblemView, browser_problem, without_fields};
use crate::components::screen::opt;
use crate::components::toast::use_toasts;
use crate::i18n::{t, use_i18n};
use crate::session::Session;

/// Every category: the value, its wire code and the catalogue key of its name.
pub const CATEGORIES: [(ComplaintCategory, &str, &str); 6] = [
    (ComplaintCategory::Attitude, "attitude", "work.category.attitude"),
    (ComplaintCategory::Quality, "quality", "work.category.quality"),
    (ComplaintCategory::Delay, "delay", "work.category.delay"),
    (ComplaintCategory::Charge, "charge", "work.category.charge"),
    (ComplaintCategory::Damage, "damage", "work.category.damage"),
    (ComplaintCategory::Other, "other", "work.category.other"),
];

pub fn category_key(category: ComplaintCategory) -> &'static str {
    CATEGORIES.iter().find(|(c, ..)| *c == category).map_or("work.category.other", |(_, _, k)| k)
}

/// The catalogue key of a callback task's status.
pub fn callback_status_key(status: CallbackStatus) -> &'static str {
    match status {
        CallbackStatus::Pending => "work.callback_status.pending",
        CallbackStatus::Done => "work.callback_status.done",
        CallbackStatus::Unreachable => "work.callback_status.unreachable",
    }
}

/// A complaint's status: its wire code (for `data-status` and the badge's class)
/// and the key of its name.
pub fn complaint_status_key(status: ComplaintStatus) -> (&'static str, &'static str) {
    match status {
        ComplaintStatus::Open => ("open", "work.complaint_status.open"),
        ComplaintStatus::Resolved => ("resolved", "work.complaint_status.resolved"),
        ComplaintStatus::Rejected => ("rejected", "work.complaint_status.rejected"),
    }
}

/// "Resolve", opening a form for the resolution and the outcome, sent with the
/// complaint's version. `settled` runs once it is closed, and when someone else
/// changed it meanwhile (412), so the caller reads it again.
#[component]
pub fn ResolveComplaintForm(session: Session, complaint: ComplaintDto, settled: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let (id, version) = (complaint.id, complaint.version);
    let shown = RwSignal::new(false);
    let resolution = RwSignal::new(String::new());
    let outcome = RwSignal::new("resolved".to_owned());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(text) = opt(&resolution.get_untracked()) else {
            problem.set(Some(browser_problem(&[("resolution", "work.error.resolution_text")])));
            return;
        };
        let outcome =
            if outcome.get_untracked() == "rejected" { ComplaintOutcome::Rejected } else { ComplaintOutcome::Resolved };
        problem.set(None);
        pending.set(true);
        // Not an Action: a resolved complaint's form leaves the page with it. Once
        // resolved, nothing of the form is touched again: a change queued for a form
        // that the caller's reload removes would be read after it is gone.
        leptos::task::spawn_local(async move {
            let request = ResolveComplaint { resolution: text, outcome };
            match api::work::resolve_complaint(session, id, version, &request).await {
                Ok(_) => {
                    toasts.show(i18n.text("work.complaint_resolved"));
                    settled.run(());
                }
                Err(e) => {
                    let changed_meanwhile = e.problem.status == 412;
                    pending.try_set(false);
                    problem.try_set(Some(e.problem));
                    if changed_meanwhile {
                        settled.run(());
                    }
                }
            }
        });
    };
    let problem_signal: Signal<Option<Problem>> = problem.into();
    let resolution_id = format!("work-resolve-text-{id}");
    let outcome_id = format!("work-resolve-outcome-{id}");
    view! {
        <Show when=move || !shown.get()>
            <button type="button" class="button secondary complaint-resolve-open" on:click=move |_| shown.set(true)>
                {t("work.resolve")}
            </button>
        </Show>
        <Show when=move || shown.get()>
            <form class="complaint-resolve" on:submit=on_submit novalidate>
                {move || problem.get().filter(|p| !p.title.is_empty()).map(|p| view! {
                    <div class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div>
                })}
                <div class="field">
                    <label for=resolution_id.clone()>{t("work.resolution_text")}</label>
                    <textarea id=resolution_id.clone() class="complaint-resolution-text" rows="2" bind:value=resolution></textarea>
                    <FieldErrors problem=problem_signal field="resolution" id="work-resolve-text" />
                </div>
                <div class="field">
                    <label for=outcome_id.clone()>{t("work.outcome")}</label>
                    <select id=outcome_id.clone() class="complaint-outcome" bind:value=outcome>
                        <option value="resolved">{t("work.outcome.resolved")}</option>
                        <option value="rejected">{t("work.outcome.rejected")}</option>
                    </select>
                </div>
                <div class="actions">
                    <button type="submit" class="button complaint-resolve-submit" prop:disabled=move || pending.get()>
                        {t("work.resolve")}
                    </button>
                </div>
            </form>
        </Show>
    }
}
