//! What every stock report's tables share: the report loaded once (loading and
//! error states), and a table of rows already read, with its empty row.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::problem::ErrorsView;
use crate::i18n::t;

/// `data` while it loads, its error if it fails, else `show(report)`.
#[component]
pub fn Loaded<T, V>(data: LocalResource<Result<T, ApiError>>, show: fn(T) -> V) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    view! {
        <Transition fallback=|| view! { <p id="report-loading" class="muted">{t("table.loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                {move || Suspend::new(async move { data.await.map(show) })}
            </ErrorBoundary>
        </Transition>
    }
}

/// A table of `rows`: the headings, a row each, or the `empty` row.
pub fn rows_table<T>(
    id: &'static str,
    caption: &'static str,
    columns: &'static [&'static str],
    empty: &'static str,
    rows: Vec<T>,
    row: impl Fn(T) -> AnyView,
) -> impl IntoView {
    let width = columns.len();
    let none =
        rows.is_empty().then(|| view! { <tr class="empty"><td colspan=width class="muted">{t(empty)}</td></tr> });
    let rows = rows.into_iter().map(row).collect_view();
    view! {
        <div class="table-wrap">
            <table id=id class="data">
                <caption class="visually-hidden">{t(caption)}</caption>
                <thead><tr>{columns.iter().map(|c| view! { <th scope="col">{t(c)}</th> }).collect_view()}</tr></thead>
                <tbody>{rows}{none}</tbody>
            </table>
        </div>
    }
}
