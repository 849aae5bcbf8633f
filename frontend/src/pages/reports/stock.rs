//! The stock reports: stock on hand, stock movements, parts used, overdue old
//! parts and parts below their reorder point — each with the filters its endpoint
//! takes (a period in the reader's calendar, a branch, a warehouse, a grouping), a
//! table, and the same as an XLSX download.

use aftersales_api_types::branches::BranchDto;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::stock_reports::{
    OverdueDefectiveQuery, PartsUsedGrouping, PartsUsedQuery, StockPeriodQuery, StockReportQuery,
};
use aftersales_api_types::warehouses::WarehouseDto;
use chrono::{Days, NaiveDate};
use futures::future::join;
use leptos::prelude::*;
use uuid::Uuid;

use super::stock_tables;
use crate::api::{self, ApiError};
use crate::components::problem::{ProblemView, browser_problem};
use crate::i18n::date::today;
use crate::i18n::{t, use_i18n};
use crate::session::{Session, use_session};

/// Which stock report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StockKind {
    OnHand,
    Movements,
    PartsUsed,
    Overdue,
    BelowReorder,
}

impl StockKind {
    pub const ALL: [StockKind; 5] =
        [StockKind::OnHand, StockKind::Movements, StockKind::PartsUsed, StockKind::Overdue, StockKind::BelowReorder];

    /// Its name in the page's address (`/reports?report=stock-on-hand`), as the API's path.
    pub fn slug(self) -> &'static str {
        match self {
            StockKind::OnHand => "stock-on-hand",
            StockKind::Movements => "stock-movements",
            StockKind::PartsUsed => "parts-used",
            StockKind::Overdue => "overdue-defective-returns",
            StockKind::BelowReorder => "below-reorder-point",
        }
    }

    pub fn title_key(self) -> &'static str {
        match self {
            StockKind::OnHand => "reports.on_hand_title",
            StockKind::Movements => "reports.movements_title",
            StockKind::PartsUsed => "reports.parts_used_title",
            StockKind::Overdue => "reports.overdue_title",
            StockKind::BelowReorder => "reports.reorder_title",
        }
    }

    fn intro_key(self) -> &'static str {
        match self {
            StockKind::OnHand => "reports.on_hand_intro",
            StockKind::Movements => "reports.movements_intro",
            StockKind::PartsUsed => "reports.parts_used_intro",
            StockKind::Overdue => "reports.overdue_intro",
            StockKind::BelowReorder => "reports.reorder_intro",
        }
    }

    fn has_period(self) -> bool {
        matches!(self, StockKind::Movements | StockKind::PartsUsed)
    }

    fn has_warehouse(self) -> bool {
        self != StockKind::Overdue
    }
}

/// What the table shows; the fields a report does not take are left out of its query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StockAsked {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub branch_id: Option<Uuid>,
    pub warehouse_id: Option<Uuid>,
    pub group_by: PartsUsedGrouping,
}

impl StockAsked {
    pub fn scope(self) -> StockReportQuery {
        StockReportQuery { branch_id: self.branch_id, warehouse_id: self.warehouse_id }
    }

    pub fn period(self) -> StockPeriodQuery {
        StockPeriodQuery { from: self.from, to: self.to, branch_id: self.branch_id, warehouse_id: self.warehouse_id }
    }

    pub fn parts_used(self) -> PartsUsedQuery {
        PartsUsedQuery {
            from: self.from,
            to: self.to,
            group_by: Some(self.group_by),
            branch_id: self.branch_id,
            warehouse_id: self.warehouse_id,
        }
    }

    pub fn overdue(self) -> OverdueDefectiveQuery {
        OverdueDefectiveQuery { branch_id: self.branch_id }
    }
}

/// The branches (when the user may list them) and the warehouses to choose from.
type Places = (Option<Vec<BranchDto>>, Vec<WarehouseDto>);

async fn places(session: Session) -> Places {
    let (branches, warehouses) = join(api::reference::branches(session), api::reference::warehouses(session)).await;
    let mut warehouses = warehouses.unwrap_or_default();
    warehouses.sort_by(|a, b| a.code.cmp(&b.code));
    (
        branches.ok().map(|mut b| {
            b.sort_by(|x, y| x.code.cmp(&y.code));
            b
        }),
        warehouses,
    )
}

async fn save_xlsx(session: Session, kind: StockKind, asked: StockAsked) -> Result<(), ApiError> {
    match kind {
        StockKind::OnHand => api::reports::stock_on_hand_xlsx(session, &asked.scope()).await,
        StockKind::Movements => api::reports::stock_movements_xlsx(session, &asked.period()).await,
        StockKind::PartsUsed => api::reports::parts_used_xlsx(session, &asked.parts_used()).await,
        StockKind::Overdue => api::reports::overdue_defective_xlsx(session, &asked.overdue()).await,
        StockKind::BelowReorder => api::reports::below_reorder_xlsx(session, &asked.scope()).await,
    }
}

#[component]
pub fn StockReport(kind: StockKind) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let day = today();
    let start = day.checked_sub_days(Days::new(29)).unwrap_or(day);
    let asked = RwSignal::new(StockAsked {
        from: start,
        to: day,
        branch_id: None,
        warehouse_id: None,
        group_by: PartsUsedGrouping::Ticket,
    });
    let (from, to) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    Effect::new(move |_| {
        let shown = asked.get();
        from.set(i18n.date_input_value(shown.from));
        to.set(i18n.date_input_value(shown.to));
    });
    let branch = RwSignal::new(None::<Uuid>);
    let warehouse = RwSignal::new(None::<Uuid>);
    let group = RwSignal::new(PartsUsedGrouping::Ticket);
    let problem = RwSignal::new(None::<Problem>);
    let lists = LocalResource::new(move || places(session));
    let read = move || {
        if !kind.has_period() {
            problem.set(None);
            let shown = asked.get_untracked();
            return Some(StockAsked {
                branch_id: branch.get_untracked(),
                warehouse_id: warehouse.get_untracked(),
                ..shown
            });
        }
        let (first, last) = (i18n.parse_date(&from.get_untracked()), i18n.parse_date(&to.get_untracked()));
        let unreadable: Vec<_> = [("from", first), ("to", last)]
            .into_iter()
            .filter(|(_, day)| day.is_none())
            .map(|(field, _)| (field, "reports.error.date"))
            .collect();
        problem.set((!unreadable.is_empty()).then(|| browser_problem(&unreadable)));
        Some(StockAsked {
            from: first?,
            to: last?,
            branch_id: branch.get_untracked(),
            warehouse_id: warehouse.get_untracked(),
            group_by: group.get_untracked(),
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(wanted) = read() {
            asked.set(wanted);
        }
    };
    let download = Action::new_local(move |wanted: &StockAsked| {
        let wanted = *wanted;
        async move {
            if let Err(e) = save_xlsx(session, kind, wanted).await {
                problem.try_set(Some(e.problem));
            }
        }
    });
    let choices = move || {
        lists.get().map(|(branches, warehouses)| {
            let branch_field = branches.map(|list| {
                let options = list
                    .into_iter()
                    .map(|b| view! { <option value=b.id.to_string()>{format!("{} — {}", b.code, b.name)}</option> })
                    .collect_view();
                view! {
                    <div class="field">
                        <label for="stock-branch">{t("reports.branch")}</label>
                        <select id="stock-branch" on:change=move |ev| {
                            branch.set(Uuid::parse_str(&event_target_value(&ev)).ok());
                            warehouse.set(None);
                        }>
                            <option value="">{t("reports.all_branches")}</option>
                            {options}
                        </select>
                    </div>
                }
            });
            let warehouses = StoredValue::new(warehouses);
            let warehouse_options = move || {
                let chosen = branch.get();
                warehouses.with_value(|ws| {
                    ws.iter()
                        .filter(|w| chosen.is_none_or(|b| w.branch_id == b))
                        .map(|w| {
                            let id = w.id;
                            view! {
                                <option value=id.to_string() data-code=w.code.clone() selected=move || warehouse.get() == Some(id)>
                                    {format!("{} — {}", w.code, w.name)}
                                </option>
                            }
                        })
                        .collect_view()
                })
            };
            let warehouse_field = kind.has_warehouse().then(|| view! {
                <div class="field">
                    <label for="stock-warehouse">{t("reports.warehouse")}</label>
                    <select id="stock-warehouse" on:change=move |ev| warehouse.set(Uuid::parse_str(&event_target_value(&ev)).ok())>
                        <option value="" selected=move || warehouse.get().is_none()>{t("reports.all_warehouses")}</option>
                        {warehouse_options}
                    </select>
                </div>
            });
            view! { {branch_field} {warehouse_field} }
        })
    };
    let period = kind.has_period().then(|| view! {
        <div class="field">
            <label for="stock-from">{t("reports.from")}</label>
            <input id="stock-from" type="text" inputmode="numeric" prop:value=from on:input=move |ev| from.set(event_target_value(&ev)) />
        </div>
        <div class="field">
            <label for="stock-to">{t("reports.to")}</label>
            <input id="stock-to" type="text" inputmode="numeric" prop:value=to on:input=move |ev| to.set(event_target_value(&ev)) />
        </div>
    });
    let grouping = (kind == StockKind::PartsUsed).then(|| view! {
        <div class="field">
            <label for="stock-group">{t("reports.group_by")}</label>
            <select id="stock-group" on:change=move |ev| {
                group.set(if event_target_value(&ev) == "technician" { PartsUsedGrouping::Technician } else { PartsUsedGrouping::Ticket });
            }>
                <option value="ticket">{t("reports.per_ticket")}</option>
                <option value="technician">{t("reports.per_technician")}</option>
            </select>
        </div>
    });
    view! {
        <h2 id="stock-report-title" data-report=kind.slug()>{t(kind.title_key())}</h2>
        <p class="muted">{t(kind.intro_key())}</p>
        <form id="stock-form" class="filters" on:submit=submit>
            {period}
            <Transition fallback=|| ()>{choices}</Transition>
            {grouping}
            <div class="actions">
                <button id="stock-show" type="submit" class="button primary">{t("reports.show")}</button>
                <button id="stock-download" type="button" class="button"
                    disabled=move || download.pending().get()
                    on:click=move |_| if let Some(query) = read() { download.dispatch_local(query); }>
                    {t("reports.download")}
                </button>
            </div>
        </form>
        {move || problem.get().map(|problem| view! { <ProblemView problem /> })}
        {stock_tables::tables(session, kind, asked)}
    }
}
