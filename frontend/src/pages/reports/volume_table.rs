//! The ticket-volume table: a row per branch and month, in the months the server
//! cut the period into.

use aftersales_api_types::ticket_reports::TicketVolumeLine;
use leptos::prelude::*;

use super::Asked;
use crate::api;
use crate::components::table::ListTable;
use crate::i18n::date::format_month;
use crate::i18n::number::format_fixed;
use crate::i18n::use_i18n;
use crate::session::Session;

const COLUMNS: &[&str] = &[
    "reports.branch",
    "reports.month",
    "reports.received",
    "reports.repair",
    "reports.installation",
    "reports.maintenance",
    "reports.return_exchange",
    "reports.under_warranty",
    "reports.repeat_repairs",
    "reports.closed",
    "reports.mean_hours",
];

#[component]
pub fn VolumeTable(session: Session, asked: RwSignal<Asked>) -> impl IntoView {
    let i18n = use_i18n();
    // Asked again when the language changes: a Persian reader counts Jalali months.
    let lines = LocalResource::new(move || {
        let query = asked.get().query(i18n.locale());
        async move { api::reports::ticket_volume(session, &query).await.map(|report| report.lines) }
    });
    view! {
        <ListTable id="volume-table" caption="reports.volume_title" columns=COLUMNS empty="reports.empty" list=lines
            row=|line| view! { <VolumeRow line /> }.into_any() />
    }
}

#[component]
fn VolumeRow(line: TicketVolumeLine) -> impl IntoView {
    let i18n = use_i18n();
    let branch = format!("{} — {}", line.branch_code, line.branch_name);
    let (year, month) = line
        .month
        .split_once('-')
        .and_then(|(y, m)| Some((y.parse::<i32>().ok()?, m.parse::<u32>().ok()?)))
        .unwrap_or_default();
    let label = line.month.clone();
    let k = line.received_by_kind.clone();
    let count = move |n: i64| move || i18n.number(n);
    let mean = move || {
        line.mean_hours_to_close.map(|h| format_fixed(i18n.locale(), (h * 10.0).round() as i64, 1)).unwrap_or_default()
    };
    view! {
        <tr data-branch=line.branch_code.clone() data-month=label>
            <td>{branch}</td>
            <td class="month">{move || format_month(i18n.locale(), year, month)}</td>
            <td class="num received">{count(line.received)}</td>
            <td class="num">{count(k.repair)}</td>
            <td class="num">{count(k.installation)}</td>
            <td class="num">{count(k.maintenance)}</td>
            <td class="num">{count(k.return_exchange)}</td>
            <td class="num">{count(line.under_warranty)}</td>
            <td class="num">{count(line.repeat_repairs)}</td>
            <td class="num closed">{count(line.closed)}</td>
            <td class="num mean-hours">{mean}</td>
        </tr>
    }
}
