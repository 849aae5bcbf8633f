//! One part's ledger in the chosen warehouse (`GET /stock/movements`), oldest first,
//! a page at a time.

use aftersales_api_types::parts::PartDto;
use aftersales_api_types::stock::MovementDto;
use leptos::prelude::*;
use uuid::Uuid;

use crate::api;
use crate::components::table::PagedTable;
use crate::i18n::date::iso_instant;
use crate::i18n::labels::movement_kind_key;
use crate::i18n::use_i18n;
use crate::session::Session;
use crate::tr;

#[component]
pub fn Ledger(session: Session, warehouse: Uuid, part: PartDto) -> impl IntoView {
    let part_id = part.id;
    let currency = StoredValue::new(part.standard_cost.currency.clone());
    let sku = part.sku.clone();
    let row = move |m: MovementDto| movement_row(m, currency);
    view! {
        <section id="ledger" class="ledger" data-sku=part.sku.clone()>
            <h2 id="ledger-title">{tr!("stock.ledger_title", sku = sku, name = part.name)}</h2>
            <PagedTable
                caption="stock.ledger_caption"
                columns=&[
                    "ledger.at",
                    "ledger.kind",
                    "ledger.quantity",
                    "ledger.value_delta",
                    "ledger.on_hand_after",
                    "ledger.reason",
                ]
                fetch=move |cursor| api::stock::movements(session, warehouse, part_id, cursor)
                row
            />
        </section>
    }
}

fn movement_row(m: MovementDto, currency: StoredValue<String>) -> AnyView {
    let i18n = use_i18n();
    let kind_key = movement_kind_key(&m.kind);
    let kind = m.kind.clone();
    let at = m.at;
    view! {
        <tr data-kind=m.kind.clone() data-id=m.id.to_string()>
            <td>
                <time datetime=iso_instant(at)>{move || i18n.date_time(at)}</time>
            </td>
            <td class="kind">{move || kind_key.map_or_else(|| kind.clone(), |k| i18n.text(k).to_owned())}</td>
            // Isolated left-to-right so Persian shows `+۳`, not `۳+`.
            <td class="num quantity">
                <bdi dir="ltr">{move || i18n.signed(m.quantity)}</bdi>
            </td>
            <td class="num">{move || currency.with_value(|c| i18n.money_minor(m.value_delta_minor, c))}</td>
            <td class="num on-hand-after">{move || i18n.number(m.on_hand_after)}</td>
            <td class="reason">{m.reason.unwrap_or_default()}</td>
        </tr>
    }
    .into_any()
}
