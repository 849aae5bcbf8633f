//! `/transfers/:id`: one transfer — its number, status, warehouses, dates, and per
//! line what was asked for, shipped, received, written down as missing and is
//! still in transit (shipped − received − missing). The steps below the table
//! replace the transfer shown with the server's answer.

use std::collections::HashMap;

use aftersales_api_types::transfers::{TransferDto, TransferStatus};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::filters::status_key;
use super::steps::Steps;
use super::{Lookup, WithLookup, may_move};
use crate::api;
use crate::components::problem::ErrorsView;
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};
use crate::query::wire;
use crate::session::Session;

const COLUMNS: &[&str] = &[
    "transfers.sku",
    "transfers.part",
    "transfers.quantity",
    "transfers.shipped",
    "transfers.received",
    "transfers.missing",
    "transfers.in_transit",
];

#[component]
pub fn TransferPage() -> impl IntoView {
    view! {
        <section class="page transfer-page">
            <p class="back"><a href="/transfers">{t("transfers.back")}</a></p>
            <WithLookup page=|session, lookup| view! { <TransferLoader session lookup /> } />
        </section>
    }
}

#[component]
fn TransferLoader(session: Session, lookup: Lookup) -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| Uuid::parse_str(&v).ok()));
    let found = LocalResource::new(move || {
        let id = id();
        async move {
            match id {
                Some(id) => api::transfers::get(session, id).await,
                None => api::transfers::get(session, Uuid::nil()).await,
            }
        }
    });
    view! {
        <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                {move || Suspend::new(async move {
                    found.await.map(|transfer| view! { <TransferScreen session lookup transfer /> })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// The quantity to receive typed per part.
pub type Quantities = StoredValue<HashMap<Uuid, RwSignal<String>>>;

#[component]
fn TransferScreen(session: Session, lookup: Lookup, transfer: TransferDto) -> impl IntoView {
    let i18n = use_i18n();
    let quantities: Quantities =
        StoredValue::new(transfer.lines.iter().map(|l| (l.part_id, RwSignal::new(String::new()))).collect());
    let transfer = RwSignal::new(transfer);
    let receiving = move || {
        may_move(session)
            && matches!(transfer.with(|t| t.status), TransferStatus::Shipped | TransferStatus::PartiallyReceived)
    };
    let number = move || transfer.with(|t| t.number.clone());
    let status = move || transfer.with(|t| t.status);
    let when = move |at: Option<DateTime<Utc>>| {
        at.map(|at| view! { <time datetime=iso_instant(at)>{move || i18n.date_time(at)}</time> })
    };
    let rows = move || {
        transfer.with(|t| t.lines.clone()).into_iter().map(|line| {
            let part = lookup.part(line.part_id);
            let sku = part.as_ref().map_or_else(|| line.part_id.to_string(), |p| p.sku.clone());
            let name = part.map(|p| p.name).unwrap_or_default();
            let input_id = format!("receive-{sku}");
            let label_sku = sku.clone();
            let quantity = quantities.with_value(|q| q.get(&line.part_id).copied());
            let note = line.discrepancy_note.clone();
            view! {
                <tr data-sku=sku.clone()>
                    <td class="code"><bdi dir="ltr">{sku.clone()}</bdi></td>
                    <td>{name}{note.map(|n| view! { <p class="muted discrepancy">{n}</p> })}</td>
                    <td class="num quantity">{move || i18n.number(line.quantity)}</td>
                    <td class="num shipped">{move || i18n.number(line.shipped)}</td>
                    <td class="num received">{move || i18n.number(line.received)}</td>
                    <td class="num missing">{move || i18n.number(line.missing)}</td>
                    <td class="num in-transit">{move || i18n.number(line.in_transit)}</td>
                    {move || receiving().then(|| {
                        let input = quantity.filter(|_| line.in_transit > 0).map(|q| {
                            let sku = label_sku.clone();
                            view! {
                                <label class="visually-hidden" for=input_id.clone()>{move || i18n.format("transfers.receive_label", &[("sku", &sku)])}</label>
                                <input id=input_id.clone() class="receive-quantity" type="text" inputmode="numeric" autocomplete="off" size="5" bind:value=q />
                            }
                        });
                        view! { <td class="receive-cell">{input}</td> }
                    })}
                </tr>
            }
        }).collect_view()
    };
    view! {
        <h1 id="transfer-title"><bdi dir="ltr" id="transfer-number">{number}</bdi></h1>
        <p>
            <span id="transfer-status" class="badge" data-status=move || wire(&status())>{move || i18n.text(status_key(status()))}</span>
        </p>
        <dl class="facts transfer-facts">
            <dt>{t("transfers.from")}</dt>
            <dd id="transfer-from-code"><bdi dir="ltr">{move || lookup.warehouse_code(transfer.with(|t| t.from_warehouse_id))}</bdi></dd>
            <dt>{t("transfers.to")}</dt>
            <dd id="transfer-to-code"><bdi dir="ltr">{move || lookup.warehouse_code(transfer.with(|t| t.to_warehouse_id))}</bdi></dd>
            <dt>{t("transfers.created")}</dt>
            <dd id="transfer-created">{move || when(Some(transfer.with(|t| t.created_at)))}</dd>
            <Show when=move || transfer.with(|t| t.shipped_at.is_some())>
                <dt>{t("transfers.shipped_at")}</dt>
                <dd id="transfer-shipped-at">{move || when(transfer.with(|t| t.shipped_at))}</dd>
            </Show>
            <Show when=move || transfer.with(|t| t.received_at.is_some())>
                <dt>{t("transfers.received_at")}</dt>
                <dd id="transfer-received-at">{move || when(transfer.with(|t| t.received_at))}</dd>
            </Show>
            <Show when=move || transfer.with(|t| t.note.is_some())>
                <dt>{t("transfers.note")}</dt>
                <dd id="transfer-note-text">{move || transfer.with(|t| t.note.clone())}</dd>
            </Show>
        </dl>
        <div class="table-wrap">
            <table id="transfer-lines" class="data">
                <caption class="visually-hidden">{t("transfers.lines")}</caption>
                <thead>
                    <tr>
                        {COLUMNS.iter().map(|c| view! { <th scope="col">{t(c)}</th> }).collect_view()}
                        <Show when=receiving>
                            <th scope="col">{t("transfers.receive_now")}</th>
                        </Show>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Show when=move || may_move(session)>
            <Steps session transfer quantities />
        </Show>
    }
}
