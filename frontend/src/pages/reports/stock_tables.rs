//! The tables of the stock reports, each row marked with what a test (or a
//! reader's search) looks for: the warehouse code, the SKU, the ticket number.

use aftersales_api_types::stock_reports::{
    BelowReorderLine, MovementSummaryLine, OverdueDefectiveLine, PartsUsedLine, PeriodPositionLine, StockOnHandLine,
    WarehouseStockTotal,
};
use leptos::prelude::*;

use super::report_table::rows_table;
use super::stock::{StockAsked, StockKind};
use crate::api;
use crate::components::screen::WhenLoaded;
use crate::i18n::date::iso_instant;
use crate::i18n::labels::movement_kind_key;
use crate::i18n::use_i18n;
use crate::session::Session;

/// The report's tables, read again whenever what is asked changes.
pub fn tables(session: Session, kind: StockKind, asked: RwSignal<StockAsked>) -> AnyView {
    match kind {
        StockKind::OnHand => {
            let data =
                LocalResource::new(
                    move || async move { api::reports::stock_on_hand(session, &asked.get().scope()).await },
                );
            view! { <WhenLoaded data loading_id="report-loading" show=|r| view! {
                {rows_table("on-hand-table", "reports.on_hand_title", ON_HAND, "reports.no_stock", r.lines, on_hand_row)}
                <h3>{crate::i18n::t("reports.totals")}</h3>
                {rows_table("on-hand-totals", "reports.totals", TOTALS, "reports.no_stock", r.totals, total_row)}
            } /> }
            .into_any()
        }
        StockKind::Movements => {
            let data = LocalResource::new(move || async move {
                api::reports::stock_movements(session, &asked.get().period()).await
            });
            view! { <WhenLoaded data loading_id="report-loading" show=|r| view! {
                <h3>{crate::i18n::t("reports.positions")}</h3>
                {rows_table("positions-table", "reports.positions", POSITIONS, "reports.no_movements", r.positions, position_row)}
                <h3>{crate::i18n::t("reports.by_kind")}</h3>
                {rows_table("movements-table", "reports.by_kind", MOVEMENTS, "reports.no_movements", r.movements, movement_row)}
            } /> }
            .into_any()
        }
        StockKind::PartsUsed => {
            let data = LocalResource::new(move || async move {
                api::reports::parts_used(session, &asked.get().parts_used()).await
            });
            view! { <WhenLoaded data loading_id="report-loading" show=|r| rows_table("parts-used-table", "reports.parts_used_title", PARTS_USED, "reports.no_parts_used", r.lines, used_row) /> }
                .into_any()
        }
        StockKind::Overdue => {
            let data = LocalResource::new(move || async move {
                api::reports::overdue_defective(session, &asked.get().overdue()).await
            });
            view! { <WhenLoaded data loading_id="report-loading" show=|r| rows_table("overdue-table", "reports.overdue_title", OVERDUE, "reports.no_overdue", r.lines, overdue_row) /> }
                .into_any()
        }
        StockKind::BelowReorder => {
            let data =
                LocalResource::new(
                    move || async move { api::reports::below_reorder(session, &asked.get().scope()).await },
                );
            view! { <WhenLoaded data loading_id="report-loading" show=|r| rows_table("reorder-table", "reports.reorder_title", REORDER, "reports.no_reorder", r.lines, reorder_row) /> }
                .into_any()
        }
    }
}

const ON_HAND: &[&str] = &[
    "reports.warehouse",
    "reports.sku",
    "reports.part",
    "reports.on_hand",
    "reports.reserved",
    "reports.available",
    "reports.average_cost",
    "reports.value",
];

fn on_hand_row(l: StockOnHandLine) -> AnyView {
    let i18n = use_i18n();
    let p = l.place;
    let currency = p.currency.clone();
    let cost_currency = p.currency.clone();
    view! {
        <tr data-warehouse=p.warehouse_code.clone() data-sku=p.sku.clone()>
            <td class="code"><bdi>{p.warehouse_code.clone()}</bdi></td>
            <td class="code"><bdi>{p.sku.clone()}</bdi></td>
            <td><bdi>{p.part_name.clone()}</bdi></td>
            <td class="num on-hand">{move || i18n.number(l.on_hand)}</td>
            <td class="num">{move || i18n.number(l.reserved)}</td>
            <td class="num">{move || i18n.number(l.available)}</td>
            <td class="num">{move || i18n.money_minor(l.average_cost_minor, &cost_currency)}</td>
            <td class="num">{move || i18n.money_minor(l.value_minor, &currency)}</td>
        </tr>
    }
    .into_any()
}

const TOTALS: &[&str] = &["reports.warehouse", "reports.on_hand", "reports.reserved", "reports.value"];

fn total_row(l: WarehouseStockTotal) -> AnyView {
    let i18n = use_i18n();
    let currency = l.currency.clone();
    view! {
        <tr data-warehouse=l.warehouse_code.clone()>
            <td class="code"><bdi>{l.warehouse_code.clone()}</bdi></td>
            <td class="num">{move || i18n.number(l.on_hand)}</td>
            <td class="num">{move || i18n.number(l.reserved)}</td>
            <td class="num">{move || i18n.money_minor(l.value_minor, &currency)}</td>
        </tr>
    }
    .into_any()
}

const POSITIONS: &[&str] = &[
    "reports.warehouse",
    "reports.sku",
    "reports.part",
    "reports.opening",
    "reports.quantity_in",
    "reports.quantity_out",
    "reports.closing",
    "reports.closing_value",
];

fn position_row(l: PeriodPositionLine) -> AnyView {
    let i18n = use_i18n();
    let p = l.place;
    let currency = p.currency.clone();
    view! {
        <tr data-warehouse=p.warehouse_code.clone() data-sku=p.sku.clone()>
            <td class="code"><bdi>{p.warehouse_code.clone()}</bdi></td>
            <td class="code"><bdi>{p.sku.clone()}</bdi></td>
            <td><bdi>{p.part_name.clone()}</bdi></td>
            <td class="num">{move || i18n.number(l.opening_on_hand)}</td>
            <td class="num">{move || i18n.number(l.quantity_in)}</td>
            <td class="num">{move || i18n.number(l.quantity_out)}</td>
            <td class="num closing">{move || i18n.number(l.closing_on_hand)}</td>
            <td class="num">{move || i18n.money_minor(l.closing_value_minor, &currency)}</td>
        </tr>
    }
    .into_any()
}

const MOVEMENTS: &[&str] = &[
    "reports.warehouse",
    "reports.sku",
    "reports.kind",
    "reports.count",
    "reports.quantity_in",
    "reports.quantity_out",
    "reports.value_in",
    "reports.value_out",
];

fn movement_row(l: MovementSummaryLine) -> AnyView {
    let i18n = use_i18n();
    let p = l.place;
    let (currency_in, currency_out) = (p.currency.clone(), p.currency.clone());
    let kind = l.kind.clone();
    let label = move || movement_kind_key(&kind).map_or_else(|| kind.clone(), |k| i18n.text(k).to_owned());
    view! {
        <tr data-warehouse=p.warehouse_code.clone() data-sku=p.sku.clone() data-kind=l.kind.clone()>
            <td class="code"><bdi>{p.warehouse_code.clone()}</bdi></td>
            <td class="code"><bdi>{p.sku.clone()}</bdi> " " <span class="muted">{p.part_name.clone()}</span></td>
            <td>{label}</td>
            <td class="num">{move || i18n.number(l.count)}</td>
            <td class="num">{move || i18n.number(l.quantity_in)}</td>
            <td class="num">{move || i18n.number(l.quantity_out)}</td>
            <td class="num">{move || i18n.money_minor(l.value_in_minor, &currency_in)}</td>
            <td class="num">{move || i18n.money_minor(l.value_out_minor, &currency_out)}</td>
        </tr>
    }
    .into_any()
}

const PARTS_USED: &[&str] = &[
    "reports.ticket_or_technician",
    "reports.tickets",
    "reports.issued",
    "reports.returned",
    "reports.used",
    "reports.value",
];

fn used_row(l: PartsUsedLine) -> AnyView {
    let i18n = use_i18n();
    let currency = l.currency.clone();
    let who = match (&l.ticket_id, &l.ticket_number) {
        (Some(id), Some(number)) => {
            view! { <a href=format!("/tickets/{id}") class="code"><bdi>{number.clone()}</bdi></a> }.into_any()
        }
        _ => {
            let name = l.technician_name.clone();
            view! { <bdi>{move || name.clone().unwrap_or_else(|| i18n.text("reports.nobody").to_owned())}</bdi> }
                .into_any()
        }
    };
    view! {
        <tr data-ticket=l.ticket_number.clone().unwrap_or_default() data-technician=l.technician_name.clone().unwrap_or_default()>
            <td>{who}</td>
            <td class="num">{move || i18n.number(l.tickets)}</td>
            <td class="num">{move || i18n.number(l.issued)}</td>
            <td class="num">{move || i18n.number(l.returned)}</td>
            <td class="num used">{move || i18n.number(l.quantity)}</td>
            <td class="num">{move || i18n.money_minor(l.value_minor, &currency)}</td>
        </tr>
    }
    .into_any()
}

const OVERDUE: &[&str] = &[
    "reports.ticket",
    "reports.sku",
    "reports.part",
    "reports.technician",
    "reports.quantity",
    "reports.due",
    "reports.days_overdue",
];

fn overdue_row(l: OverdueDefectiveLine) -> AnyView {
    let i18n = use_i18n();
    let due = l.due_at;
    view! {
        <tr data-ticket=l.ticket_number.clone() data-sku=l.sku.clone()>
            <td><a href=format!("/tickets/{}", l.ticket_id) class="code"><bdi>{l.ticket_number.clone()}</bdi></a></td>
            <td class="code"><bdi>{l.sku.clone()}</bdi></td>
            <td><bdi>{l.part_name.clone()}</bdi></td>
            <td><bdi>{l.technician_name.clone()}</bdi></td>
            <td class="num">{move || i18n.number(l.quantity)}</td>
            <td><time datetime=iso_instant(due)>{move || i18n.date_time(due)}</time></td>
            <td class="num days-overdue">{move || i18n.number(l.days_overdue)}</td>
        </tr>
    }
    .into_any()
}

const REORDER: &[&str] =
    &["reports.sku", "reports.part", "reports.on_hand", "reports.reorder_point", "reports.shortfall"];

fn reorder_row(l: BelowReorderLine) -> AnyView {
    let i18n = use_i18n();
    view! {
        <tr data-sku=l.sku.clone()>
            <td class="code"><bdi>{l.sku.clone()}</bdi></td>
            <td><bdi>{l.name.clone()}</bdi></td>
            <td class="num">{move || i18n.number(l.on_hand)}</td>
            <td class="num">{move || i18n.number(l.reorder_point)}</td>
            <td class="num shortfall">{move || i18n.number(l.shortfall)}</td>
        </tr>
    }
    .into_any()
}
