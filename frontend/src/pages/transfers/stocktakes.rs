//! `/stocktakes`: the count sheets, newest first, and "open a count sheet" for a
//! warehouse (every part it has stock records of goes on the sheet).

use aftersales_api_types::problem::Problem;
use aftersales_api_types::stocktakes::{OpenStocktake, StocktakeDto, StocktakeStatus};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use super::{Lookup, WithLookup, may_move};
use crate::api;
use crate::components::problem::ProblemView;
use crate::components::table::PagedTable;
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};
use crate::query::wire;
use crate::session::Session;

const COLUMNS: &[&str] = &["stocktakes.warehouse", "stocktakes.status", "stocktakes.started", "stocktakes.open_link"];

/// The catalogue key of a sheet's status.
pub fn stocktake_status_key(status: StocktakeStatus) -> &'static str {
    match status {
        StocktakeStatus::Counting => "stocktakes.status.counting",
        StocktakeStatus::Posted => "stocktakes.status.posted",
        StocktakeStatus::Cancelled => "stocktakes.status.cancelled",
    }
}

#[component]
pub fn StocktakesPage() -> impl IntoView {
    view! {
        <section class="page stocktakes-page">
            <h1 id="stocktakes-title">{t("stocktakes.title")}</h1>
            <WithLookup page=|session, lookup| view! {
                <Show when=move || may_move(session)>
                    <OpenForm session lookup />
                </Show>
                <StocktakeList session lookup />
            } />
        </section>
    }
}

#[component]
fn OpenForm(session: Session, lookup: Lookup) -> impl IntoView {
    let warehouse = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let navigate = use_navigate();
    let go = StoredValue::new_local(move |id: Uuid| navigate(&format!("/stocktakes/{id}"), NavigateOptions::default()));
    let open = Action::new_local(move |warehouse_id: &Uuid| {
        let request = OpenStocktake { warehouse_id: *warehouse_id, part_ids: None, note: None };
        async move {
            match api::transfers::open_stocktake(session, &request).await {
                Ok(sheet) => go.with_value(|go| go(sheet.id)),
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Uuid::parse_str(&warehouse.get_untracked()) {
            Ok(id) => {
                problem.set(None);
                open.dispatch_local(id);
            }
            Err(_) => problem.set(None),
        }
    };
    view! {
        <form id="stocktake-open" class="card stocktake-open" on:submit=submit novalidate>
            <h2>{t("stocktakes.open_title")}</h2>
            {move || problem.get().map(|p| view! { <div id="stocktake-open-problem" class="alert" role="alert"><ProblemView problem=p /></div> })}
            <div class="field">
                <label for="stocktake-warehouse">{t("stocktakes.warehouse")}</label>
                <select id="stocktake-warehouse" bind:value=warehouse>
                    <option value="">{t("transfers.choose_warehouse")}</option>
                    {lookup.warehouse_options().into_iter().map(|(id, label)| {
                        view! { <option value=id.to_string() data-code=lookup.warehouse_code(id)>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            <button id="stocktake-open-submit" type="submit" class="button primary"
                disabled=move || open.pending().get() || warehouse.get().is_empty()>
                {t("stocktakes.open")}
            </button>
        </form>
    }
}

#[component]
fn StocktakeList(session: Session, lookup: Lookup) -> impl IntoView {
    let row = move |sheet: StocktakeDto| sheet_row(lookup, sheet);
    view! {
        <div id="stocktake-list">
            <PagedTable caption="stocktakes.title" columns=COLUMNS
                fetch=move |cursor| api::transfers::stocktakes(session, None, None, cursor) row />
        </div>
    }
}

fn sheet_row(lookup: Lookup, sheet: StocktakeDto) -> AnyView {
    let i18n = use_i18n();
    let started = sheet.started_at;
    view! {
        <tr data-id=sheet.id.to_string() data-status=wire(&sheet.status)>
            <td class="code"><bdi dir="ltr">{lookup.warehouse_code(sheet.warehouse_id)}</bdi></td>
            <td>{t(stocktake_status_key(sheet.status))}</td>
            <td><time datetime=iso_instant(started)>{move || i18n.date_time(started)}</time></td>
            <td><a href=format!("/stocktakes/{}", sheet.id)>{t("stocktakes.open_sheet")}</a></td>
        </tr>
    }
    .into_any()
}
