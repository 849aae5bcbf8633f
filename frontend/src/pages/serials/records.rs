//! What the registry keeps around a unit: the events of its life, component swaps,
//! contracts and owners.

use aftersales_api_types::serial_records::{ContractDto, OwnershipDto, SerialEventDto, SwapDto};
use leptos::prelude::*;

use crate::components::warranty_decision::leg_key;
use crate::components::warranty_decision::reasons::contract_kind_key;
use crate::i18n::date::{iso_date, iso_instant};
use crate::i18n::{t, use_i18n};

/// The label of an event kind; `None` for a kind this client does not know yet.
pub fn event_key(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "registered" => "serials.event.registered",
        "sale_recorded" => "serials.event.sale_recorded",
        "delivered" => "serials.event.delivered",
        "installed" => "serials.event.installed",
        "card_registered" => "serials.event.card_registered",
        "manufacture_recorded" => "serials.event.manufacture_recorded",
        "owner_changed" => "serials.event.owner_changed",
        "component_swapped" => "serials.event.component_swapped",
        "contract_added" => "serials.event.contract_added",
        "card_activated" => "serials.event.card_activated",
        "returned" => "serials.event.returned",
        "exchange_unit" => "serials.event.exchange_unit",
        "exchanged_for" => "serials.event.exchanged_for",
        _ => return None,
    })
}

/// The other unit of an exchange (`details.serial`), as a link to its page.
fn other_unit(event: &SerialEventDto) -> Option<impl IntoView + use<>> {
    if !matches!(event.kind.as_str(), "exchange_unit" | "exchanged_for") {
        return None;
    }
    let serial = event.details.get("serial")?.as_str()?.to_owned();
    let href = format!("/serials?serial={}", String::from(js_sys::encode_uri_component(&serial)));
    Some(view! { " · " <a class="exchange-other" href=href><bdi dir="ltr">{serial}</bdi></a> })
}

#[component]
pub fn Events(events: Vec<SerialEventDto>) -> impl IntoView {
    let i18n = use_i18n();
    let empty = events.is_empty();
    let items = events
        .into_iter()
        .map(|event| {
            let at = event.at;
            let label = match event_key(&event.kind) {
                Some(key) => view! { <span>{t(key)}</span> }.into_any(),
                None => view! { <bdi class="code">{event.kind.clone()}</bdi> }.into_any(),
            };
            let other = other_unit(&event);
            view! {
                <li class="timeline-step" data-kind=event.kind>
                    <span class="status-dot" aria-hidden="true"></span>
                    <span class="timeline-name">{label}{other}</span>
                    <time class="timeline-at" datetime=iso_instant(at)>
                        {move || i18n.date_time(at)}
                    </time>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card">
            <h3>{t("serials.history")}</h3>
            {if empty {
                view! { <p class="muted">{t("serials.history_empty")}</p> }.into_any()
            } else {
                view! { <ol id="serial-history" class="timeline">{items}</ol> }.into_any()
            }}
        </section>
    }
}

#[component]
pub fn Swaps(swaps: Vec<SwapDto>) -> impl IntoView {
    let i18n = use_i18n();
    if swaps.is_empty() {
        return ().into_any();
    }
    let rows = swaps
        .into_iter()
        .map(|s| {
            let day = s.swapped_on;
            let parts = format!(
                "{} → {}",
                s.old_part_serial.unwrap_or_else(|| "—".to_owned()),
                s.new_part_serial.unwrap_or_else(|| "—".to_owned())
            );
            view! {
                <tr>
                    <td>
                        <time datetime=iso_date(day)>{move || i18n.date(day)}</time>
                    </td>
                    <td class="code"><bdi>{s.component_code}</bdi></td>
                    <td class="code" dir="ltr">{parts}</td>
                    <td class="code"><bdi>{s.reference}</bdi></td>
                    <td>{move || i18n.number(i64::from(s.warranty_days))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card">
            <h3>{t("serials.swaps")}</h3>
            <div class="table-wrap">
                <table id="serial-swaps" class="data">
                    <thead>
                        <tr>
                            <th>{t("serials.swap.date")}</th>
                            <th>{t("serials.swap.component")}</th>
                            <th>{t("serials.swap.parts")}</th>
                            <th>{t("serials.swap.reference")}</th>
                            <th>{t("serials.swap.warranty_days")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

#[component]
pub fn Contracts(contracts: Vec<ContractDto>) -> impl IntoView {
    let i18n = use_i18n();
    if contracts.is_empty() {
        return ().into_any();
    }
    let items = contracts
        .into_iter()
        .map(|c| {
            let (from, to) = (c.starts_on, c.ends_on);
            let legs = c.legs.iter().map(|leg| view! { <span class="chip">{t(leg_key(*leg))}</span> }).collect_view();
            view! {
                <li class="contract">
                    <strong class="code"><bdi>{c.reference}</bdi></strong>
                    " · "
                    {t(contract_kind_key(c.kind))}
                    " · "
                    <time datetime=iso_date(from)>{move || i18n.date(from)}</time>
                    " – "
                    <time datetime=iso_date(to)>{move || i18n.date(to)}</time>
                    " "
                    {legs}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card">
            <h3>{t("serials.contracts")}</h3>
            <ul id="serial-contracts" class="plain-list">{items}</ul>
        </section>
    }
    .into_any()
}

#[component]
pub fn Owners(owners: Vec<OwnershipDto>) -> impl IntoView {
    let i18n = use_i18n();
    if owners.len() < 2 {
        // One owner is already in the facts.
        return ().into_any();
    }
    let items = owners
        .into_iter()
        .map(|o| {
            let from = o.from_date;
            let to = o.to_date.map(|to| {
                view! {
                    " – "
                    <time datetime=iso_date(to)>{move || i18n.date(to)}</time>
                }
            });
            let customer_id = o.customer_id;
            view! {
                <li data-customer=customer_id.to_string()>
                    <OwnerName customer_id />
                    " · "
                    {t("serials.owner_since")} " "
                    <time datetime=iso_date(from)>{move || i18n.date(from)}</time>
                    {to}
                    {o.note.map(|n| view! { " · " <bdi>{n}</bdi> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card">
            <h3>{t("serials.owners")}</h3>
            <ul id="serial-owners" class="plain-list">{items}</ul>
        </section>
    }
    .into_any()
}

/// An owner's name, read once (the unit's facts show only the current owner).
#[component]
fn OwnerName(customer_id: uuid::Uuid) -> impl IntoView {
    let session = crate::session::use_session();
    let name = LocalResource::new(move || crate::api::reference::customer(session, customer_id));
    move || {
        name.get().map(|answer| match answer {
            Ok(c) => view! { <strong><bdi>{c.name}</bdi></strong> }.into_any(),
            Err(_) => view! { <span class="muted">"—"</span> }.into_any(),
        })
    }
}
