//! What a look-up shows: the ticket's progress, "no ticket with this code", "too
//! many tries", or another problem.

use aftersales_api_types::tickets::{StageCategory, TicketKind};
use aftersales_api_types::tracking::{PublicStageChange, PublicTracking};
use leptos::prelude::*;

use super::CodeForm;
use crate::api::TrackError;
use crate::components::problem::ProblemView;
use crate::i18n::date::{iso_date, iso_instant};
use crate::i18n::{t, use_i18n};
use crate::tr;

/// The answer of one look-up of `code`.
#[component]
pub fn TrackResult(answer: Result<PublicTracking, TrackError>, code: String) -> impl IntoView {
    match answer {
        Ok(tracking) => view! { <TrackingView tracking /> }.into_any(),
        // A malformed code gets the same friendly answer as an unknown one.
        Err(e) if matches!(e.error.problem.status, 404 | 422) => view! { <NotFoundView code /> }.into_any(),
        Err(e) if e.error.problem.status == 429 => view! { <RateLimitedView seconds=e.retry_after /> }.into_any(),
        Err(e) => view! {
            <div class="alert" role="alert">
                <ProblemView problem=e.error.problem />
            </div>
        }
        .into_any(),
    }
}

#[component]
fn TrackingView(tracking: PublicTracking) -> impl IntoView {
    let i18n = use_i18n();
    let PublicTracking { number, kind, stage, received_at, expected_on, timeline, branch, .. } = tracking;
    let received = move || i18n.date_time(received_at);
    let expected = match expected_on {
        Some(day) => {
            let text = move || i18n.date(day);
            view! {
                <time id="track-expected" datetime=iso_date(day)>
                    {text}
                </time>
            }
            .into_any()
        }
        None => view! { <span id="track-expected-none">{t("track.expected_none")}</span> }.into_any(),
    };
    let last = timeline.len().saturating_sub(1);
    let steps = timeline
        .into_iter()
        .enumerate()
        .map(|(i, change)| view! { <TimelineStep change current=i == last /> })
        .collect_view();
    view! {
        <article class="track" data-category=category_code(stage.category)>
            <header class="card track-head">
                <p class="muted track-label">{t("track.ticket")}</p>
                <h1 id="track-number" class="track-number code">
                    <bdi>{number}</bdi>
                </h1>
                <p id="track-kind" class="track-kind">
                    {t(kind_key(kind))}
                </p>
            </header>
            <section class="card track-status" aria-labelledby="track-status-label">
                <p id="track-status-label" class="muted track-label">
                    {t("track.current_status")}
                </p>
                <p id="track-stage" class="track-stage">
                    <span class="status-dot" aria-hidden="true"></span>
                    <bdi>{stage.name}</bdi>
                </p>
                <p id="track-status-note">{t(status_key(stage.category))}</p>
            </section>
            <dl class="card profile track-facts">
                <dt>{t("track.received")}</dt>
                <dd>
                    <time id="track-received" datetime=iso_instant(received_at)>
                        {received}
                    </time>
                </dd>
                <dt>{t("track.expected")}</dt>
                <dd>{expected}</dd>
                <dt>{t("track.branch")}</dt>
                <dd id="track-branch">
                    <bdi>{branch.name}</bdi>
                    " ("
                    <bdi class="code">{branch.code}</bdi>
                    ")"
                </dd>
            </dl>
            <section class="card">
                <h2 class="track-subtitle">{t("track.timeline")}</h2>
                <ol id="track-timeline" class="timeline">
                    {steps}
                </ol>
            </section>
            <p>
                <a id="track-another" href="/track">
                    {t("track.another")}
                </a>
            </p>
        </article>
    }
}

#[component]
fn TimelineStep(change: PublicStageChange, current: bool) -> impl IntoView {
    let i18n = use_i18n();
    let at = change.at;
    let when = move || i18n.date_time(at);
    view! {
        <li
            class="timeline-step"
            class:current=current
            data-category=category_code(change.category)
            aria-current=current.then_some("step")
        >
            <span class="status-dot" aria-hidden="true"></span>
            <span class="timeline-name">
                <bdi>{change.name}</bdi>
            </span>
            <time class="timeline-at" datetime=iso_instant(at)>
                {when}
            </time>
        </li>
    }
}

#[component]
fn NotFoundView(code: String) -> impl IntoView {
    view! {
        <section id="track-not-found" class="card track-card" role="alert">
            <h1>{t("track.not_found.title")}</h1>
            <p class="muted">{t("track.not_found.hint")}</p>
            <CodeForm initial=code />
        </section>
    }
}

#[component]
fn RateLimitedView(seconds: Option<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let wait = match seconds {
        Some(s) => {
            let shown = move || i18n.number(i64::try_from(s).unwrap_or(i64::MAX));
            tr!("track.rate_limited.wait", seconds = shown()).into_any()
        }
        None => t("track.rate_limited.wait_unknown").into_any(),
    };
    view! {
        <section id="track-rate-limited" class="card track-card" role="alert">
            <h1>{t("track.rate_limited.title")}</h1>
            <p id="track-wait">{wait}</p>
        </section>
    }
}

fn kind_key(kind: TicketKind) -> &'static str {
    match kind {
        TicketKind::Repair => "track.kind.repair",
        TicketKind::Installation => "track.kind.installation",
        TicketKind::Maintenance => "track.kind.maintenance",
        TicketKind::ReturnExchange => "track.kind.return_exchange",
    }
}

fn status_key(category: StageCategory) -> &'static str {
    match category {
        StageCategory::Open => "track.status.open",
        StageCategory::InProgress => "track.status.in_progress",
        StageCategory::Waiting => "track.status.waiting",
        StageCategory::Done => "track.status.done",
        StageCategory::Closed => "track.status.closed",
    }
}

/// The category as the stylesheet colours it (`data-category`).
fn category_code(category: StageCategory) -> &'static str {
    match category {
        StageCategory::Open => "open",
        StageCategory::InProgress => "in_progress",
        StageCategory::Waiting => "waiting",
        StageCategory::Done => "done",
        StageCategory::Closed => "closed",
    }
}
