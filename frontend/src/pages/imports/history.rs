//! Past imports and checks, newest first, a page at a time.

use aftersales_api_types::imports::ImportJobDto;
use leptos::prelude::*;

use super::kind_key;
use crate::api;
use crate::components::table::PagedTable;
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};
use crate::session::Session;

const COLUMNS: &[&str] = &[
    "imports.history.when",
    "imports.kind",
    "imports.history.file",
    "imports.history.mode",
    "imports.history.status",
    "imports.history.rows",
    "imports.history.errors",
];

#[component]
pub fn History(session: Session, finished: RwSignal<u32>) -> impl IntoView {
    let table = move || {
        // Read again from the first page whenever a job on this page ends.
        let _ = finished.get();
        view! {
            <PagedTable
                caption="imports.history.title"
                columns=COLUMNS
                fetch=move |cursor| api::imports::list(session, cursor)
                row=job_row
            />
        }
    };
    view! {
        <section id="imports-history" class="imports-section" aria-labelledby="imports-history-title">
            <h2 id="imports-history-title">{t("imports.history.title")}</h2>
            {table}
        </section>
    }
}

pub fn status_key(status: &str) -> &'static str {
    match status {
        "running" => "imports.status.running",
        "succeeded" => "imports.status.succeeded",
        _ => "imports.status.failed",
    }
}

fn job_row(job: ImportJobDto) -> AnyView {
    let i18n = use_i18n();
    let created = job.created_at;
    let mode = if job.dry_run { "imports.mode.check" } else { "imports.mode.import" };
    let (total, errors) = (job.total_rows, job.error_count);
    view! {
        <tr data-id=job.id.to_string() data-status=job.status.clone() data-dry-run=job.dry_run.to_string()>
            <td><time datetime=iso_instant(created)>{move || i18n.date_time(created)}</time></td>
            <td>{t(kind_key(&job.kind))}</td>
            <td class="file"><bdi>{job.file_name.clone().unwrap_or_default()}</bdi></td>
            <td>{t(mode)}</td>
            <td><span class=format!("badge import-status status-{}", job.status)>{t(status_key(&job.status))}</span></td>
            <td class="num">{move || i18n.number(total)}</td>
            <td class="num">{move || i18n.number(errors)}</td>
        </tr>
    }
    .into_any()
}
