//! Tables fed by the API: a whole list ([`ListTable`]), or a paged list endpoint
//! (`Page<T>`, [`PagedTable`]) whose first page loads at once while a "More" button
//! appends the next one while `next_cursor` is present.

use std::future::Future;

use aftersales_api_types::Page;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::problem::ErrorsView;
use crate::i18n::t;

/// A whole list, read by `list`: a loading row, the error, the `empty` row when
/// there is nothing, else `row(item)` per item. It follows the resource, so a
/// screen that reloads it after a change needs no page reload.
#[component]
pub fn ListTable<T, R>(
    /// The table's id.
    id: &'static str,
    /// Catalogue key of the table's accessible name.
    caption: &'static str,
    /// Catalogue keys of the column headings.
    columns: &'static [&'static str],
    /// Catalogue key of the row shown for an empty list.
    #[prop(optional)]
    empty: Option<&'static str>,
    list: LocalResource<Result<Vec<T>, ApiError>>,
    row: R,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    R: Fn(T) -> AnyView + Copy + Send + Sync + 'static,
{
    let width = columns.len();
    view! {
        <div class="table-wrap">
            <table id=id class="data">
                <caption class="visually-hidden">{t(caption)}</caption>
                <thead><tr>{columns.iter().map(|c| view! { <th scope="col">{t(c)}</th> }).collect_view()}</tr></thead>
                <Transition fallback=move || view! { <tbody><tr><td colspan=width class="muted">{t("table.loading")}</td></tr></tbody> }>
                    <ErrorBoundary fallback=move |errors| view! { <tbody><tr><td colspan=width><ErrorsView errors /></td></tr></tbody> }>
                        {move || Suspend::new(async move {
                            list.await.map(|rows| {
                                let empty = empty.filter(|_| rows.is_empty()).map(|key| view! {
                                    <tr class="empty"><td colspan=width class="muted">{t(key)}</td></tr>
                                });
                                let rows = rows.into_iter().map(row).collect_view();
                                view! { <tbody>{rows}{empty}</tbody> }
                            })
                        })}
                    </ErrorBoundary>
                </Transition>
            </table>
        </div>
    }
}

/// `fetch(cursor)` loads one page; `row(item)` renders one `<tr>`.
#[component]
pub fn PagedTable<T, F, Fut, R>(
    /// Catalogue key of the table's accessible name.
    caption: &'static str,
    /// Catalogue keys of the column headings.
    columns: &'static [&'static str],
    fetch: F,
    row: R,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(Option<String>) -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<Page<T>, ApiError>> + 'static,
    R: Fn(T) -> AnyView + Copy + Send + Sync + 'static,
{
    // The cursor of every page asked for so far; `None` is the first page.
    let pages = RwSignal::new(vec![None::<String>]);
    let width = columns.len();
    view! {
        <div class="table-wrap">
            <table class="data">
                <caption class="visually-hidden">{t(caption)}</caption>
                <thead>
                    <tr>
                        {columns.iter().map(|c| view! { <th scope="col">{t(c)}</th> }).collect_view()}
                    </tr>
                </thead>
                <For each=move || pages.get() key=|cursor| cursor.clone() let:cursor>
                    <PageRows cursor fetch row width pages />
                </For>
            </table>
        </div>
    }
}

/// One page of rows, in its own `<tbody>`, with its own loading and error state.
#[component]
fn PageRows<T, F, Fut, R>(
    cursor: Option<String>,
    fetch: F,
    row: R,
    width: usize,
    pages: RwSignal<Vec<Option<String>>>,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(Option<String>) -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<Page<T>, ApiError>> + 'static,
    R: Fn(T) -> AnyView + Copy + Send + Sync + 'static,
{
    let data = LocalResource::new(move || fetch(cursor.clone()));
    let loading = move || {
        view! {
            <tbody>
                <tr>
                    <td colspan=width class="muted">
                        {t("table.loading")}
                    </td>
                </tr>
            </tbody>
        }
    };
    let failed = move |errors: ArcRwSignal<Errors>| {
        view! {
            <tbody>
                <tr>
                    <td colspan=width>
                        <ErrorsView errors />
                    </td>
                </tr>
            </tbody>
        }
    };
    view! {
        <Transition fallback=loading>
            <ErrorBoundary fallback=failed>
                {move || Suspend::new(async move {
                    data.await
                        .map(|page| {
                            let empty = page.items.is_empty() && page.next_cursor.is_none();
                            let rows = page.items.into_iter().map(row).collect_view();
                            let more = page.next_cursor.map(|next| view! { <MoreRow next width pages /> });
                            view! {
                                <tbody>
                                    {rows}
                                    {empty.then(|| view! {
                                        <tr>
                                            <td colspan=width class="muted">{t("table.empty")}</td>
                                        </tr>
                                    })}
                                    {more}
                                </tbody>
                            }
                        })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// The "More" button under a page that has a next one; gone once used.
#[component]
fn MoreRow(next: String, width: usize, pages: RwSignal<Vec<Option<String>>>) -> impl IntoView {
    let used = RwSignal::new(false);
    let more = move |_| {
        used.set(true);
        let next = next.clone();
        pages.update(|p| p.push(Some(next)));
    };
    view! {
        <Show when=move || !used.get()>
            <tr class="more-row">
                <td colspan=width>
                    <button type="button" class="button more" on:click=more.clone()>
                        {t("table.more")}
                    </button>
                </td>
            </tr>
        </Show>
    }
}
