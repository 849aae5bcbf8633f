//! The job followed on screen: a progress bar while it runs, then what came of it,
//! and every bad row found, by row and column in words, with the reason.

use aftersales_api_types::imports::{ImportJobDto, ImportRowError};
use leptos::prelude::*;

use super::kind_key;
use crate::i18n::{I18n, t, use_i18n};

/// A column of an import file in words, else as the file names it.
pub fn column_words(i18n: I18n, column: &str) -> String {
    i18n.text_dynamic(&format!("imports.column.{column}")).map_or_else(|| column.to_owned(), str::to_owned)
}

/// What a finished job means for the person who sent the file.
fn outcome(i18n: I18n, job: &ImportJobDto) -> String {
    let rows = i18n.number(job.total_rows);
    let errors = i18n.number(job.error_count);
    match (job.status.as_str(), job.dry_run) {
        ("running", _) => {
            i18n.format("imports.outcome.running", &[("done", &i18n.number(job.processed_rows)), ("total", &rows)])
        }
        ("succeeded", true) => i18n.format("imports.outcome.checked", &[("rows", &rows)]),
        ("succeeded", false) => i18n.format("imports.outcome.imported", &[("rows", &rows)]),
        _ if job.error_count > 0 => i18n.format("imports.outcome.bad_rows", &[("count", &errors)]),
        _ => i18n.text("imports.outcome.failed").to_owned(),
    }
}

#[component]
pub fn JobPanel(job: Memo<Option<ImportJobDto>>) -> impl IntoView {
    let i18n = use_i18n();
    // The parts of the job each piece of the panel reads, so a poll that changes
    // only the progress redraws only the bar.
    let head = Memo::new(move |_| job.with(|j| j.as_ref().map(|j| (j.kind.clone(), j.dry_run, j.file_name.clone()))));
    let progress =
        Memo::new(move |_| job.with(|j| j.as_ref().map(|j| (j.processed_rows, j.total_rows, j.status.clone()))));
    let errors = Memo::new(move |_| job.with(|j| j.as_ref().map(|j| (j.errors.clone(), j.error_count))));
    let title = move || {
        head.get().map(|(_, dry_run, _)| i18n.text(if dry_run { "imports.job.check" } else { "imports.job.import" }))
    };
    let file = move || {
        head.get().map(|(kind, _, file)| {
            view! {
                <p id="import-file-name" class="muted">
                    <bdi>{file.unwrap_or_default()}</bdi>
                    " · "
                    {t(kind_key(&kind))}
                </p>
            }
        })
    };
    let bar = move || {
        progress.get().map(|(done, total, status)| {
            let summary = job.with(|j| j.as_ref().map(|j| outcome(i18n, j)).unwrap_or_default());
            let class = format!("import-outcome status-{status}");
            // A file of no rows is done at once: show the bar full.
            let (value, max) = if total == 0 { (1, 1) } else { (done, total) };
            view! {
                <progress id="import-progress" max=max value=value data-status=status.clone()
                    aria-labelledby="import-job-title" />
                <p id="import-counts" class="muted">
                    {i18n.format("imports.job.counts", &[("done", &i18n.number(done)), ("total", &i18n.number(total))])}
                </p>
                <p id="import-outcome" class=class data-status=status role="status">{summary}</p>
            }
        })
    };
    let table = move || {
        errors.get().filter(|(rows, _)| !rows.is_empty()).map(|(rows, count)| {
            let shown = i64::try_from(rows.len()).unwrap_or(i64::MAX);
            let more = (count > shown).then(|| {
                view! {
                    <p class="hint">
                        {i18n.format("imports.job.first_of", &[("shown", &i18n.number(shown)), ("count", &i18n.number(count))])}
                    </p>
                }
            });
            view! {
                <h3 id="import-errors-title">{t("imports.errors.title")}</h3>
                <div class="table-wrap">
                    <table id="import-errors" class="data import-errors">
                        <caption class="visually-hidden">{t("imports.errors.title")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t("imports.errors.row")}</th>
                                <th scope="col">{t("imports.errors.column")}</th>
                                <th scope="col">{t("imports.errors.problem")}</th>
                            </tr>
                        </thead>
                        <tbody>{rows.into_iter().map(|e| error_row(i18n, e)).collect_view()}</tbody>
                    </table>
                </div>
                {more}
            }
        })
    };
    move || {
        head.with(Option::is_some).then(|| {
            view! {
                <section id="import-job" class="card imports-section" aria-labelledby="import-job-title">
                    <h2 id="import-job-title">{title}</h2>
                    {file}
                    {bar}
                    {table}
                </section>
            }
        })
    }
}

fn error_row(i18n: I18n, e: ImportRowError) -> impl IntoView {
    let row = i64::try_from(e.row).unwrap_or(i64::MAX);
    let column = e.column.clone();
    let words = move || match column.as_deref() {
        Some(c) => column_words(i18n, c),
        None => i18n.text("imports.errors.whole_row").to_owned(),
    };
    view! {
        <tr data-row=e.row data-column=e.column.clone().unwrap_or_default()>
            <td class="num">{move || i18n.format("imports.errors.row_n", &[("row", &i18n.number(row))])}</td>
            <td class="column">{words}</td>
            <td class="message"><bdi>{e.message}</bdi></td>
        </tr>
    }
}
