//! The two halves of the board: each technician's appointments of the day with their
//! load (each with a "Move" button, to give it to another technician), and the
//! tickets waiting for a technician (each with an "Assign" button).

use aftersales_api_types::dispatch::{BoardJob, BoardTechnician};
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use uuid::Uuid;

use super::zone::{clock, local};
use super::{BoardView, Picked};
use crate::i18n::date::format_date_time;
use crate::i18n::labels::stage_category_key;
use crate::i18n::{t, use_i18n};
use crate::tr;

const JOB_COLUMNS: &[&str] =
    &["dispatch.ticket", "dispatch.window", "dispatch.customer", "dispatch.stage", "dispatch.action"];
const WAITING_COLUMNS: &[&str] =
    &["dispatch.ticket", "dispatch.requested", "dispatch.customer", "dispatch.stage", "dispatch.action"];

#[component]
pub fn TechnicianCard(board: BoardView, tech: BoardTechnician, zone: String, day: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let (load, limit) = (i64::from(tech.load), i64::from(tech.limit));
    let full = tech.load >= tech.limit;
    let rows = if tech.jobs.is_empty() {
        view! { <tr class="dispatch-no-jobs"><td colspan=JOB_COLUMNS.len() class="muted">{t("dispatch.no_jobs")}</td></tr> }
            .into_any()
    } else {
        tech.jobs
            .into_iter()
            .map(|job| {
                let window = Window { from: job.appointment_from, to: job.appointment_to, zone: zone.clone(), day };
                let picked = Picked { job: job.clone(), from: Some(tech.technician_id) };
                view! { <JobRow job window action=Some((board, picked)) /> }
            })
            .collect_view()
            .into_any()
    };
    let caption = tech.display_name.clone();
    view! {
        <section class="card dispatch-tech" data-username=tech.username.clone() data-id=tech.technician_id.to_string()>
            <h3 class="dispatch-tech-name">
                <bdi>{tech.display_name}</bdi>
                " "
                <span class="badge load" class:warn=full>{tr!("dispatch.load", load = i18n.number(load), limit = i18n.number(limit))}</span>
            </h3>
            <div class="table-wrap">
                <table class="data dispatch-jobs">
                    <caption class="visually-hidden">{caption}</caption>
                    <thead>
                        <tr>{JOB_COLUMNS.iter().map(|c| view! { <th scope="col">{t(c)}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
pub fn UnassignedTable(board: BoardView, jobs: Vec<BoardJob>, zone: String, day: NaiveDate) -> impl IntoView {
    let rows = if jobs.is_empty() {
        view! { <tr id="dispatch-no-unassigned"><td colspan=WAITING_COLUMNS.len() class="muted">{t("dispatch.no_unassigned")}</td></tr> }
            .into_any()
    } else {
        jobs.into_iter()
            .map(|job| {
                let window = Window { from: job.requested_from, to: job.requested_to, zone: zone.clone(), day };
                let picked = Picked { job: job.clone(), from: None };
                view! { <JobRow job window action=Some((board, picked)) /> }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="table-wrap">
            <table id="dispatch-unassigned" class="data">
                <caption class="visually-hidden">{t("dispatch.unassigned_caption")}</caption>
                <thead>
                    <tr>{WAITING_COLUMNS.iter().map(|c| view! { <th scope="col">{t(c)}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A time window shown in the branch's zone: times only on the board's day.
pub struct Window {
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub zone: String,
    pub day: NaiveDate,
}

#[component]
fn JobRow(job: BoardJob, window: Window, action: Option<(BoardView, Picked)>) -> impl IntoView {
    let i18n = use_i18n();
    let customer = job.customer_name.clone();
    let when = move || {
        let Window { from, to, zone, day } = &window;
        let locale = i18n.locale();
        let one = |at: DateTime<Utc>| {
            let wall = local(zone, at);
            if wall.date() == *day { clock(locale, zone, at) } else { format_date_time(locale, wall) }
        };
        match (from, to) {
            (Some(f), Some(t)) => format!("{} – {}", one(*f), one(*t)),
            (Some(f), None) => one(*f),
            _ => "—".to_owned(),
        }
    };
    let button = action.map(|(board, picked)| {
        let number = picked.job.number.clone();
        let (class, label) = if picked.from.is_some() {
            ("button secondary dispatch-move", "dispatch.move")
        } else {
            ("button secondary dispatch-pick", "dispatch.assign")
        };
        let open = move |_| {
            board.assigned.set(None);
            board.picked.set(Some(picked.clone()));
        };
        view! {
            <td>
                <button type="button" class=class data-number=number on:click=open>
                    {t(label)}
                </button>
            </td>
        }
    });
    let id: Uuid = job.ticket_id;
    let number = job.number.clone();
    view! {
        <tr data-number=number data-id=id.to_string()>
            <td class="code">
                <a href=format!("/tickets/{id}")><bdi>{job.number}</bdi></a>
            </td>
            <td class="window">{when}</td>
            <td class="customer"><bdi>{customer}</bdi></td>
            <td>
                {t(stage_category_key(job.stage_category))}
                " "
                <span class="muted stage-code">{job.stage}</span>
            </td>
            {button}
        </tr>
    }
}
