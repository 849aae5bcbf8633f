//! Parts on the ticket (`GET /tickets/{id}/parts`): per part and warehouse what is
//! reserved, issued, used, returned unused and taken out as defective, who pays
//! (the manufacturer's claim or the customer), and the totals per payer. Below the
//! table the forms that move parts (see `parts_move.rs` and `parts_line.rs`); after
//! each change the ticket is read again, so every section of the page follows.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::parts::PartDto;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::service_items::Money;
use aftersales_api_types::ticket_parts::{ChargeTo, TicketPartLineDto, TicketPartsDto};
use aftersales_api_types::users::Role;
use aftersales_api_types::warehouses::{WarehouseDto, WarehouseKind};
use leptos::prelude::*;
use serde::Serialize;
use uuid::Uuid;

use self::parts_line::{OutcomeForm, ReleaseForm};
use self::parts_move::MoveForm;
use super::TicketView;
use crate::api::ApiError;
use crate::api::ticket_parts::Move;
use crate::api::{self};
use crate::components::problem::{ProblemView, field_message};
use crate::components::toast::{Toasts, use_toasts};
use crate::i18n::{I18n, t, use_i18n};

// The forms live next to this file (`parts_move.rs`, `parts_line.rs`).
#[path = "./parts_line.rs"]
mod parts_line;
#[path = "./parts_move.rs"]
mod parts_move;

/// What the parts section and its forms share. It is `Copy`.
#[derive(Debug, Clone, Copy)]
pub struct PartsView {
    pub ticket: TicketView,
    /// The lines as last read (kept while reading again, so nothing flickers).
    pub data: RwSignal<Option<Result<TicketPartsDto, ApiError>>>,
    /// The warehouses in the user's scope, and the parts catalogue.
    pub warehouses: RwSignal<Vec<WarehouseDto>>,
    pub parts: RwSignal<Vec<PartDto>>,
    pub toasts: Toasts,
}

impl PartsView {
    /// The lines as last read.
    pub fn lines(&self) -> Vec<TicketPartLineDto> {
        self.data.with(|d| d.as_ref().and_then(|r| r.as_ref().ok()).map(|p| p.lines.clone()).unwrap_or_default())
    }

    /// A warehouse's code (its id if it is not in the user's list).
    pub fn warehouse_code(&self, id: Uuid) -> String {
        self.warehouses
            .with(|w| w.iter().find(|w| w.id == id).map(|w| w.code.clone()))
            .unwrap_or_else(|| id.to_string())
    }

    /// The warehouses parts can be taken from for a ticket.
    pub fn stock_warehouses(&self) -> Vec<WarehouseDto> {
        self.warehouses.with(|w| {
            w.iter()
                .filter(|w| w.active && !matches!(w.kind, WarehouseKind::Defective | WarehouseKind::Returns))
                .cloned()
                .collect()
        })
    }

    /// A change went through: a note, then the ticket and every section read again.
    pub fn done(&self, text: String) {
        self.toasts.show(text);
        self.ticket.reload();
    }
}

/// The `Idempotency-Key` of one form: the same while the same request is sent again
/// (after a failure), a fresh one for a new request or after a success.
#[derive(Debug, Clone, Copy)]
pub struct SubmitKey(StoredValue<Option<(String, Uuid)>>);

impl SubmitKey {
    pub fn new() -> Self {
        Self(StoredValue::new(None))
    }

    pub fn for_request(&self, body: &impl Serialize) -> Uuid {
        let text = serde_json::to_string(body).unwrap_or_default();
        if let Some((sent, key)) = self.0.get_value().filter(|(sent, _)| *sent == text) {
            let _ = sent;
            return key;
        }
        let key = Uuid::now_v7();
        self.0.set_value(Some((text, key)));
        key
    }

    /// The request was answered: the next submit is a new one.
    pub fn settled(&self) {
        self.0.set_value(None);
    }
}

/// What a 409 about a shortage says: how many the ticket could have had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortage {
    /// `insufficient_stock`: "N available".
    Available(i64),
    /// `not_reserved`: "N reserved".
    Reserved(i64),
}

/// The shortage a problem reports on `quantity`, if it is one; the field error's
/// message starts with the count.
pub fn shortage(problem: &Problem) -> Option<Shortage> {
    problem.errors.iter().filter(|e| e.field == "quantity").find_map(|e| {
        let count = e.message.split(' ').next()?.parse().ok()?;
        match e.code.as_str() {
            "insufficient_stock" => Some(Shortage::Available(count)),
            "not_reserved" => Some(Shortage::Reserved(count)),
            _ => None,
        }
    })
}

/// Field error codes that [`shortage`] words instead of their message.
const SHORTAGE_CODES: [&str; 2] = ["insufficient_stock", "not_reserved"];

/// The quantity field's messages: the field errors, or the shortage in words.
#[component]
pub fn QuantityErrors(problem: RwSignal<Option<Problem>>, id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let messages = move || {
        problem.with(|p| {
            let Some(p) = p.as_ref() else { return Vec::new() };
            let mut found: Vec<String> = p
                .errors
                .iter()
                .filter(|e| e.field == "quantity" && !SHORTAGE_CODES.contains(&e.code.as_str()))
                .map(|e| field_message(&i18n, e))
                .collect();
            match shortage(p) {
                Some(Shortage::Available(n)) => {
                    found.push(i18n.format("ticket_parts.error.available", &[("count", &i18n.number(n))]));
                }
                Some(Shortage::Reserved(n)) => {
                    found.push(i18n.format("ticket_parts.error.reserved", &[("count", &i18n.number(n))]));
                }
                None => {}
            }
            found
        })
    };
    view! {
        <Show when=move || !messages().is_empty()>
            <p class="field-error" id=format!("{id}-error") data-field="quantity" role="alert">
                {move || messages().join(" ")}
            </p>
        </Show>
    }
}

/// The problem of a form, without what stands next to its fields.
#[component]
pub fn FormProblem(problem: RwSignal<Option<Problem>>, id: &'static str) -> impl IntoView {
    move || {
        problem.get().filter(|p| shortage(p).is_none()).map(|p| {
            let p = crate::components::problem::without_fields(&p);
            view! { <div id=id class="alert" role="alert"><ProblemView problem=p /></div> }
        })
    }
}

/// A whole number from 1 to 10 000 typed in any digits.
pub fn quantity_of(text: &str) -> Option<i64> {
    crate::i18n::number::latin_digits(text.trim()).parse::<i64>().ok().filter(|q| (1..=10_000).contains(q))
}

/// Who pays, in words.
fn payer_key(charge: ChargeTo) -> &'static str {
    match charge {
        ChargeTo::Manufacturer => "ticket_parts.charge.manufacturer",
        ChargeTo::Customer => "ticket_parts.charge.customer",
    }
}

/// Totals per currency in words ("nothing" when empty).
fn totals(i18n: I18n, money: &[Money]) -> String {
    if money.is_empty() {
        return i18n.text("ticket_parts.nothing").to_owned();
    }
    let items: Vec<String> = money.iter().map(|m| i18n.money(&m.amount, &m.currency)).collect();
    i18n.list(&items)
}

#[component]
pub fn PartsSection(view: TicketView) -> impl IntoView {
    let session = view.session;
    let parts = PartsView {
        ticket: view,
        data: RwSignal::new(None),
        warehouses: RwSignal::new(Vec::new()),
        parts: RwSignal::new(Vec::new()),
        toasts: use_toasts(),
    };
    Effect::new(move |_| {
        let _ = view.changes.get();
        leptos::task::spawn_local(async move {
            let answer = api::ticket_parts::list(session, view.id).await;
            parts.data.try_set(Some(answer));
        });
    });
    let open = Memo::new(move |_| !view.ticket.with(|t| t.sealed));
    // Who may reserve, release and issue: those who move stock, and a technician
    // from their own van (the API decides and says so).
    let movers = session.may(Permission::MoveStock) || session.has_any_role(&[Role::Technician]);
    let workers = session.may(Permission::WorkTickets);
    if movers || workers {
        leptos::task::spawn_local(async move {
            if let Ok(found) = api::reference::warehouses(session).await {
                parts.warehouses.try_set(found);
            }
            if movers && let Ok(found) = api::stock::parts(session).await {
                parts.parts.try_set(found);
            }
        });
    }
    let has = move |f: fn(&TicketPartLineDto) -> bool| {
        parts.data.with(|d| d.as_ref().and_then(|r| r.as_ref().ok()).is_some_and(|p| p.lines.iter().any(f)))
    };
    view! {
        <section id="ticket-parts" class="card ticket-section" aria-labelledby="ticket-parts-title">
            <h2 id="ticket-parts-title">{t("ticket_parts.title")}</h2>
            <PartsTable parts />
            <Show when=move || open.get() && movers>
                <div class="parts-forms">
                    <MoveForm parts action=Move::Reserve />
                    <MoveForm parts action=Move::Issue />
                    <Show when=move || has(|l| l.reserved > 0)>
                        <ReleaseForm parts />
                    </Show>
                </div>
            </Show>
            <Show when=move || open.get() && workers && has(|l| l.outstanding > 0 || l.used > l.defective_returned)>
                <OutcomeForm parts />
            </Show>
        </section>
    }
}

/// The lines and the totals per payer.
#[component]
fn PartsTable(parts: PartsView) -> impl IntoView {
    let i18n = use_i18n();
    move || match parts.data.get() {
        None => view! { <p class="muted">{t("table.loading")}</p> }.into_any(),
        Some(Err(e)) => view! { <ProblemView problem=e.problem /> }.into_any(),
        Some(Ok(dto)) if dto.lines.is_empty() => {
            view! { <p id="parts-empty" class="muted">{t("ticket_parts.empty")}</p> }.into_any()
        }
        Some(Ok(dto)) => {
            let rows = dto
                .lines
                .into_iter()
                .map(|l| {
                    let number = move |n: i64| move || i18n.number(n);
                    let warehouse = l.warehouse_id;
                    let code = move || parts.warehouse_code(warehouse);
                    let (price, total) = (l.unit_price.clone(), l.used_total.clone());
                    let charge = l.charge_to;
                    view! {
                        <tr data-sku=l.sku.clone() data-warehouse=code data-charge=format!("{charge:?}").to_lowercase()>
                            <td><bdi class="sku">{l.sku.clone()}</bdi>" "<span class="muted">{l.name.clone()}</span></td>
                            <td><bdi>{code}</bdi></td>
                            <td class="num reserved">{number(l.reserved)}</td>
                            <td class="num issued">{number(l.issued)}</td>
                            <td class="num used">{number(l.used)}</td>
                            <td class="num returned">{number(l.returned_unused)}</td>
                            <td class="num defective">{number(l.defective_returned)}</td>
                            <td class="num outstanding">{number(l.outstanding)}</td>
                            <td class="payer">{t(payer_key(charge))}</td>
                            <td class="num">{move || i18n.money(&price.amount, &price.currency)}</td>
                            <td class="num used-total">{move || i18n.money(&total.amount, &total.currency)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let (customer, claim, outstanding) = (dto.customer_totals, dto.manufacturer_claim_totals, dto.outstanding);
            view! {
                <div class="table-wrap">
                    <table class="data" id="parts-table">
                        <caption class="visually-hidden">{t("ticket_parts.title")}</caption>
                        <thead>
                            <tr>
                                {COLUMNS.iter().map(|c| view! { <th scope="col">{t(c)}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <dl class="parts-totals">
                    <dt>{t("ticket_parts.customer_total")}</dt>
                    <dd id="parts-customer-total">{move || totals(i18n, &customer)}</dd>
                    <dt>{t("ticket_parts.claim_total")}</dt>
                    <dd id="parts-claim-total">{move || totals(i18n, &claim)}</dd>
                </dl>
                {(outstanding > 0).then(|| view! {
                    <p id="parts-outstanding" class="notice warn">
                        {move || i18n.format("ticket_parts.outstanding", &[("count", &i18n.number(outstanding))])}
                    </p>
                })}
            }
            .into_any()
        }
    }
}

const COLUMNS: &[&str] = &[
    "ticket_parts.part",
    "ticket_parts.warehouse",
    "ticket_parts.reserved",
    "ticket_parts.issued",
    "ticket_parts.used",
    "ticket_parts.returned_unused",
    "ticket_parts.defective",
    "ticket_parts.outstanding_col",
    "ticket_parts.payer",
    "ticket_parts.unit_price",
    "ticket_parts.used_total",
];
