//! `/reports`: the ticket-volume report and the stock reports, one at a time
//! (`/reports?report=stock-on-hand`). For ticket volume managers pick a period (in
//! their calendar: Persian readers get Jalali months) and a branch, read tickets
//! taken in and closed per branch and month, and download the same as XLSX; each
//! stock report likewise (see `stock`).

mod report_table;
mod stock;
mod stock_tables;
mod volume_table;

use aftersales_api_types::auth::Permission;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::ticket_reports::{ReportCalendar, TicketVolumeQuery};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

use self::stock::{StockKind, StockReport};
use self::volume_table::VolumeTable;
use crate::api;
use crate::components::problem::{ProblemView, browser_problem};
use crate::i18n::date::{today, year_start};
use crate::i18n::locale::Locale;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

/// The calendar a reader counts months in.
pub fn calendar_of(locale: Locale) -> ReportCalendar {
    match locale {
        Locale::Fa => ReportCalendar::Jalali,
        _ => ReportCalendar::Gregorian,
    }
}

/// The period and branch the table shows; the calendar follows the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asked {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub branch_id: Option<Uuid>,
}

impl Asked {
    pub fn query(self, locale: Locale) -> TicketVolumeQuery {
        TicketVolumeQuery {
            from: self.from,
            to: self.to,
            calendar: Some(calendar_of(locale)),
            branch_id: self.branch_id,
        }
    }
}

/// The report the page shows: `None` is ticket volume.
fn chosen(slug: Option<String>) -> Option<StockKind> {
    slug.and_then(|s| StockKind::ALL.into_iter().find(|k| k.slug() == s))
}

#[component]
pub fn ReportsPage() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let may_tickets = move || session.may(Permission::ViewTickets);
    let may_stock = move || session.may(Permission::ViewStock);
    // Someone who may not read tickets starts on the first stock report.
    let report = Memo::new(move |_| {
        let asked = chosen(query.with(|q| q.get("report")));
        match asked {
            Some(kind) if may_stock() => Some(kind),
            _ if may_tickets() => None,
            _ => Some(StockKind::OnHand),
        }
    });
    let link = move |kind: Option<StockKind>| {
        let href = kind.map_or_else(|| "/reports".to_owned(), |k| format!("/reports?report={}", k.slug()));
        let key = kind.map_or("reports.volume_title", StockKind::title_key);
        let id = format!("report-link-{}", kind.map_or("ticket-volume", StockKind::slug));
        view! {
            <li>
                <a id=id href=href aria-current=move || (report.get() == kind).then_some("page")>{t(key)}</a>
            </li>
        }
    };
    let stock_links = move || StockKind::ALL.into_iter().map(|k| link(Some(k))).collect_view();
    view! {
        <section class="page reports-page">
            <h1 id="reports-title">{t("reports.title")}</h1>
            <nav class="report-picker" aria-label=t("reports.choose")>
                <ul>
                    <Show when=may_tickets>{link(None)}</Show>
                    <Show when=may_stock>{stock_links}</Show>
                </ul>
            </nav>
            {move || match report.get() {
                None => view! { <VolumeReport /> }.into_any(),
                Some(kind) => view! { <StockReport kind /> }.into_any(),
            }}
        </section>
    }
}

/// Tickets per branch and month.
#[component]
fn VolumeReport() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let day = today();
    let asked = RwSignal::new(Asked { from: year_start(i18n.locale(), day), to: day, branch_id: None });
    let (from, to) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    // The fields show the period asked in the language's calendar, again after a switch.
    Effect::new(move |_| {
        let shown = asked.get();
        from.set(i18n.date_input_value(shown.from));
        to.set(i18n.date_input_value(shown.to));
    });
    let branch = RwSignal::new(None::<Uuid>);
    let problem = RwSignal::new(None::<Problem>);
    // Clerks may not list branches: then the report covers their part of the network.
    let branches = LocalResource::new(move || async move { api::reference::branches(session).await.ok() });
    let read = move || {
        let (first, last) = (i18n.parse_date(&from.get_untracked()), i18n.parse_date(&to.get_untracked()));
        let unreadable: Vec<_> = [("from", first), ("to", last)]
            .into_iter()
            .filter(|(_, day)| day.is_none())
            .map(|(field, _)| (field, "reports.error.date"))
            .collect();
        problem.set((!unreadable.is_empty()).then(|| browser_problem(&unreadable)));
        Some(Asked { from: first?, to: last?, branch_id: branch.get_untracked() })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(wanted) = read() {
            asked.set(wanted);
        }
    };
    let download = Action::new_local(move |wanted: &Asked| {
        let query = wanted.query(i18n.locale());
        async move {
            if let Err(e) = api::reports::ticket_volume_xlsx(session, &query).await {
                problem.try_set(Some(e.problem));
            }
        }
    });
    let branch_options = move || {
        branches.get().flatten().map(|mut list| {
            list.sort_by(|a, b| a.code.cmp(&b.code));
            let options = list
                .into_iter()
                .map(|b| view! { <option value=b.id.to_string()>{format!("{} — {}", b.code, b.name)}</option> })
                .collect_view();
            view! {
                <div class="field">
                    <label for="report-branch">{t("reports.branch")}</label>
                    <select id="report-branch" on:change=move |ev| branch.set(Uuid::parse_str(&event_target_value(&ev)).ok())>
                        <option value="">{t("reports.all_branches")}</option>
                        {options}
                    </select>
                </div>
            }
        })
    };
    view! {
            <h2 id="volume-title">{t("reports.volume_title")}</h2>
            <p class="muted">{t("reports.volume_intro")}</p>
            <form id="volume-form" class="filters" on:submit=submit>
                <div class="field">
                    <label for="report-from">{t("reports.from")}</label>
                    <input id="report-from" type="text" inputmode="numeric" prop:value=from
                        on:input=move |ev| from.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="report-to">{t("reports.to")}</label>
                    <input id="report-to" type="text" inputmode="numeric" prop:value=to
                        on:input=move |ev| to.set(event_target_value(&ev)) />
                </div>
                {branch_options}
                <div class="actions">
                    <button id="report-show" type="submit" class="button primary">{t("reports.show")}</button>
                    <button id="report-download" type="button" class="button"
                        disabled=move || download.pending().get()
                        on:click=move |_| if let Some(query) = read() { download.dispatch_local(query); }>
                        {t("reports.download")}
                    </button>
                </div>
            </form>
            {move || problem.get().map(|problem| view! { <ProblemView problem /> })}
            <VolumeTable session asked />
    }
}
