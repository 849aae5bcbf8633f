//! The ticket-volume table: a row per branch and month, in the months the server
//! cut the period into.

use aftersales_api_types::ticket_reports::TicketVolumeLine;
use leptos::prelude::*;

use super::Asked;
use crate::api;
use crate::components::problem::ErrorsView;
use crate::i18n::date::format_month;
use crate::i18n::number::format_fixed;
use crate::i18n::{t, use_i18n};
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
    let report = LocalResource::new(move || {
        let query = asked.get().query(i18n.locale());
        async move { api::reports::ticket_volume(session, &query).await }
    });
    let width = COLUMNS.len();
    let loading = move || view! { <tbody><tr><td colspan=width class="muted">{t("table.loading")}</td></tr></tbody> };
    let failed = move |errors: ArcRwSignal<Errors>| {
        view! { <tbody><tr><td colspan=width><ErrorsView errors /></td></tr></tbody> }
    };
    view! {
        <div class="table-wrap">
            <table id="volume-table" class="data">
                <caption class="visually-hidden">{t("reports.volume_title")}</caption>
                <thead>
                    <tr>{COLUMNS.iter().map(|c| view! { <th scope="col">{t(c)}</th> }).collect_view()}</tr>
                </thead>
                <Transition fallback=loading>
                    <ErrorBoundary fallback=failed>
                        {move || Suspend::new(async move {
                            report.await.map(|report| {
                                let empty = report.lines.is_empty().then(|| view! {
                                    <tr id="volume-empty"><td colspan=width class="muted">{t("reports.empty")}</td></tr>
                                });
                                let rows = report.lines.into_iter().map(|line| view! { <VolumeRow line /> }).collect_view();
                                view! { <tbody>{rows}{empty}</tbody> }
                            })
                        })}
                    </ErrorBoundary>
                </Transition>
            </table>
        </div>
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
