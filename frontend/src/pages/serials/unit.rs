//! One unit: its facts with the names behind the ids, today's warranty decision,
//! and its records.

use aftersales_api_types::serial_records::SerialHistory;
use chrono::NaiveDate;
use futures::future::join4;
use leptos::prelude::*;

use super::actions::UnitActions;
use super::records::{Contracts, Events, Owners, Swaps};
use super::tickets::UnitTickets;
use crate::api;
use crate::components::warranty_decision::DecisionView;
use crate::i18n::date::iso_date;
use crate::i18n::date::today;
use crate::i18n::{t, use_i18n};
use aftersales_api_types::auth::Permission;

use crate::session::Session;

#[component]
pub fn UnitView(session: Session, history: SerialHistory) -> impl IntoView {
    let SerialHistory { unit, owners, swaps, contracts, events } = history;
    let (brand_id, model_id, owner_id, unit_id) = (unit.brand_id, unit.model_id, unit.owner_customer_id, unit.id);
    // Names and the decision are extras: the unit shows even when one fails.
    let extras = LocalResource::new(move || async move {
        let owner = async move {
            match owner_id {
                Some(id) => api::reference::customer(session, id).await.ok(),
                None => None,
            }
        };
        let decision =
            async move { Some(api::reference::evaluate(session, &api::serials::unit_claim(unit_id, today())).await) };
        let (brand, model, owner, decision) =
            join4(api::reference::brand(session, brand_id), api::reference::model(session, model_id), owner, decision)
                .await;
        (brand.ok(), model.ok(), owner, decision)
    });
    let brand = move || extras.get().and_then(|(b, ..)| b.map(|b| b.name));
    let model = move || extras.get().and_then(|(_, m, ..)| m.map(|m| format!("{} ({})", m.name, m.sku)));
    let owner = move || extras.get().and_then(|(_, _, o, _)| o.map(|o| o.name));
    let decision = move || {
        extras.get().map(|(_, _, _, decision)| match decision {
            Some(answer) => view! { <DecisionView answer /> }.into_any(),
            None => ().into_any(),
        })
    };
    let serial = unit.serial.clone();
    let acting = unit.clone();
    view! {
        <article class="serial-unit" data-serial-key=unit.serial_key.clone()>
            <header class="card serial-head">
                <p class="muted">{t("serials.unit")}</p>
                <h2 id="serial-number" class="code">
                    <bdi>{serial}</bdi>
                </h2>
                <p id="serial-model">
                    <bdi>{brand}</bdi>
                    " · "
                    <bdi>{model}</bdi>
                </p>
            </header>
            <dl id="serial-facts" class="card profile">
                <DayFact id="serial-sale-date" label="serials.sale_date" day=unit.sale_date />
                <TextFact id="serial-document" label="serials.sale_document" text=unit.sale_document />
                <TextFact id="serial-seller" label="serials.seller" text=unit.seller />
                <DayFact id="serial-manufactured" label="serials.manufacture_date" day=unit.manufacture_date />
                <DayFact id="serial-delivered" label="serials.delivery_date" day=unit.delivery_date />
                <DayFact id="serial-installed" label="serials.installation_date" day=unit.installation_date />
                <TextFact id="serial-address" label="serials.installation_address" text=unit.installation_address />
                <DayFact id="serial-registered" label="serials.registration_date" day=unit.registration_date />
                <TextFact id="serial-card" label="serials.warranty_card" text=unit.warranty_card_number />
                <TextFact id="serial-lot" label="serials.lot" text=unit.lot />
                <Show when=move || owner_id.is_some()>
                    <dt>{t("serials.owner")}</dt>
                    <dd id="serial-owner">
                        <bdi>{move || owner().unwrap_or_else(|| "—".to_owned())}</bdi>
                    </dd>
                </Show>
            </dl>
            <UnitActions unit=acting />
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>{decision}</Transition>
            <Show when=move || session.may(Permission::ViewTickets)>
                <UnitTickets unit_id />
            </Show>
            <Events events />
            <Swaps swaps />
            <Contracts contracts />
            <Owners owners />
        </article>
    }
}

/// A day fact; nothing when the registry does not know it.
#[component]
fn DayFact(id: &'static str, label: &'static str, day: Option<NaiveDate>) -> impl IntoView {
    let i18n = use_i18n();
    day.map(|day| {
        view! {
            <dt>{t(label)}</dt>
            <dd>
                <time id=id datetime=iso_date(day)>
                    {move || i18n.date(day)}
                </time>
            </dd>
        }
    })
}

/// A text fact; nothing when empty.
#[component]
fn TextFact(id: &'static str, label: &'static str, text: Option<String>) -> impl IntoView {
    text.filter(|s| !s.trim().is_empty()).map(|text| {
        view! {
            <dt>{t(label)}</dt>
            <dd id=id>
                <bdi>{text}</bdi>
            </dd>
        }
    })
}
