//! What every stock report's tables share: a table of rows already read, with its
//! empty row (the report is loaded once by `components::screen::WhenLoaded`).

use leptos::prelude::*;

use crate::i18n::t;

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
