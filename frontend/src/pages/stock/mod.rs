//! `/stock`: the warehouse keeper's screens. Pick a warehouse in scope, see the stock
//! of every part in it, open a part's ledger, and receive parts (for roles that may
//! move stock). The table and the ledger follow a receipt without a page reload.

mod balances;
mod ledger;
mod receive;

use std::collections::HashMap;

use aftersales_api_types::auth::Permission;
use aftersales_api_types::parts::PartDto;
use aftersales_api_types::warehouses::WarehouseDto;
use futures::future::join;
use leptos::prelude::*;
use uuid::Uuid;

use self::balances::BalancesTable;
use self::ledger::Ledger;
use self::receive::ReceiveForm;
use crate::api::{self, ApiError};
use crate::components::problem::ErrorsView;
use crate::i18n::t;
use crate::session::{Session, use_session};

/// The parts catalogue by id, shared by the table, the ledger and the form.
pub type Parts = StoredValue<HashMap<Uuid, PartDto>>;

/// What the pieces of the screen share: the chosen warehouse, the part whose ledger
/// is open, and a counter bumped after every change so the table and ledger reload.
#[derive(Debug, Clone, Copy)]
pub struct StockView {
    pub session: Session,
    pub warehouse: RwSignal<Option<Uuid>>,
    pub ledger_part: RwSignal<Option<Uuid>>,
    pub changes: RwSignal<u32>,
    pub parts: Parts,
}

#[component]
pub fn StockPage() -> impl IntoView {
    let session = use_session();
    let lists = LocalResource::new(move || async move {
        let (warehouses, parts) = join(api::reference::warehouses(session), api::stock::parts(session)).await;
        Ok::<_, ApiError>((warehouses?, parts?))
    });
    view! {
        <section class="page stock-page">
            <h1 id="stock-title">{t("stock.title")}</h1>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move {
                        lists.await.map(|(warehouses, parts)| view! { <StockScreen session warehouses parts /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn StockScreen(session: Session, warehouses: Vec<WarehouseDto>, parts: Vec<PartDto>) -> impl IntoView {
    if warehouses.is_empty() {
        return view! { <p id="stock-no-warehouses" class="muted">{t("stock.no_warehouses")}</p> }.into_any();
    }
    let mut sorted_parts = parts.clone();
    sorted_parts.sort_by(|a, b| a.sku.cmp(&b.sku));
    let stock = StockView {
        session,
        warehouse: RwSignal::new(None),
        ledger_part: RwSignal::new(None),
        changes: RwSignal::new(0),
        parts: StoredValue::new(parts.into_iter().map(|p| (p.id, p)).collect()),
    };
    let actives: HashMap<Uuid, bool> = warehouses.iter().map(|w| (w.id, w.active)).collect();
    let may_receive = move || {
        session.may(Permission::MoveStock)
            && stock.warehouse.get().is_some_and(|w| actives.get(&w).copied().unwrap_or(false))
    };
    let choose = move |ev: leptos::ev::Event| {
        stock.ledger_part.set(None);
        stock.warehouse.set(Uuid::parse_str(&event_target_value(&ev)).ok());
    };
    let options = warehouses
        .into_iter()
        .map(|w| {
            let label = format!("{} — {}", w.code, w.name);
            view! { <option value=w.id.to_string() data-code=w.code>{label}</option> }
        })
        .collect_view();
    let sorted_parts = StoredValue::new(sorted_parts);
    view! {
        <div class="field warehouse-pick">
            <label for="warehouse-select">{t("stock.warehouse")}</label>
            <select id="warehouse-select" on:change=choose>
                <option value="">{t("stock.choose_warehouse")}</option>
                {options}
            </select>
        </div>
        <Show
            when=move || stock.warehouse.get().is_some()
            fallback=|| view! { <p id="stock-pick-hint" class="muted">{t("stock.pick_hint")}</p> }
        >
            <h2 id="stock-balances-title">{t("stock.balances")}</h2>
            <BalancesTable stock />
            <Show when=may_receive.clone()>
                <ReceiveForm stock parts=sorted_parts />
            </Show>
            {move || {
                let warehouse = stock.warehouse.get()?;
                let part = stock.ledger_part.get().and_then(|id| stock.parts.with_value(|p| p.get(&id).cloned()))?;
                let _ = stock.changes.get();
                Some(view! { <Ledger session warehouse part /> })
            }}
        </Show>
    }
    .into_any()
}
