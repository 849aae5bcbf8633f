//! Looking at a ticket again: its warranty decided anew with today's facts (a
//! policy or the unit's record may have changed since intake), and a closed ticket
//! reopened with a reason (administrators). Both answer with the ticket, shown in
//! place.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::tickets::{ReopenRequest, StageCategory};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::TicketView;
use crate::api;
use crate::components::problem::ProblemView;
use crate::i18n::t;

#[component]
pub fn ReviewSection(view: TicketView) -> impl IntoView {
    let session = view.session;
    // One memo of what is offered, read alone by the view (as the dispatch section
    // does): only a change of it re-creates the forms.
    let offered = Memo::new(move |_| {
        let (closed, has_unit) =
            view.ticket.with(|t| (t.stage_category == StageCategory::Closed, t.serial_id.is_some()));
        let reevaluate = !closed && has_unit && session.may(Permission::ManageTickets);
        let reopen = closed && session.may(Permission::ReopenTickets);
        (reevaluate, reopen)
    });
    move || {
        let (reevaluate, reopen) = offered.get();
        (reevaluate || reopen).then(|| {
            view! {
                <section id="ticket-review" class="card ticket-section" aria-labelledby="ticket-review-title">
                    <h2 id="ticket-review-title">{t("review.title")}</h2>
                    {reevaluate.then(|| view! { <Reevaluate view /> })}
                    {reopen.then(|| view! { <Reopen view /> })}
                </section>
            }
        })
    }
}

/// The warranty decided again; what differs from the stored decision, line by line.
#[component]
fn Reevaluate(view: TicketView) -> impl IntoView {
    let problem = RwSignal::new(None::<Problem>);
    let differences = RwSignal::new(None::<Vec<String>>);
    let busy = RwSignal::new(false);
    let click = move |_| {
        problem.set(None);
        differences.set(None);
        busy.set(true);
        let version = view.ticket.with_untracked(|t| t.version);
        spawn_local(async move {
            match api::ticket::reevaluate(view.session, view.id, version).await {
                Ok(answer) => {
                    differences.try_set(Some(answer.differences));
                    view.changed(answer.ticket);
                }
                Err(e) => view.refused(problem, e.problem),
            }
            busy.try_set(false);
        });
    };
    let outcome = move || {
        differences.get().map(|lines| {
            if lines.is_empty() {
                view! { <p id="review-unchanged" class="notice" role="status">{t("review.unchanged")}</p> }.into_any()
            } else {
                view! {
                    <div id="review-changed" class="notice" role="status">
                        <p>{t("review.changed")}</p>
                        <ul>{lines.into_iter().map(|line| view! { <li><bdi>{line}</bdi></li> }).collect_view()}</ul>
                    </div>
                }
                .into_any()
            }
        })
    };
    view! {
        {outcome}
        {move || problem.get().map(|p| view! { <div class="alert" role="alert"><ProblemView problem=p /></div> })}
        <button type="button" id="review-reevaluate" class="button secondary" on:click=click
            prop:disabled=move || busy.get()>
            {t("review.reevaluate")}
        </button>
    }
}

/// A closed ticket back to the stage it was closed from, with the reason on its
/// timeline.
#[component]
fn Reopen(view: TicketView) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let busy = RwSignal::new(false);
    // Not an Action: a reopened ticket replaces this form, and what is owned by the
    // form is gone when the answer has been shown (hence `try_set`).
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problem.set(None);
        busy.set(true);
        let version = view.ticket.with_untracked(|t| t.version);
        let request = ReopenRequest { reason: reason.get_untracked().trim().to_owned(), stage: None };
        spawn_local(async move {
            match api::ticket::reopen(view.session, view.id, version, &request).await {
                Ok(ticket) => view.changed(ticket),
                Err(e) => view.refused(problem, e.problem),
            }
            busy.try_set(false);
        });
    };
    view! {
        <form id="review-reopen-form" on:submit=submit>
            {move || problem.get().map(|p| view! { <div id="review-reopen-problem" class="alert" role="alert"><ProblemView problem=p /></div> })}
            <div class="field">
                <label for="review-reopen-reason">{t("review.reopen_reason")}</label>
                <textarea id="review-reopen-reason" rows="2" bind:value=reason></textarea>
            </div>
            <button type="submit" id="review-reopen" class="button" prop:disabled=move || busy.get()>
                {t("review.reopen")}
            </button>
        </form>
    }
}
