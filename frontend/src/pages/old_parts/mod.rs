//! `/old-parts`: the old parts taken out of units on tickets — owed back by the
//! technicians, handed in to a defective-parts warehouse, scrapped or sent back
//! to the manufacturer — the overdue first, with who owes how much past due.
//! Everyone who sees stock reads it; warehouse keepers and managers take parts
//! in (`MoveStock`) and scrap them (`ManageParts`). Each answer replaces the row
//! it changed, so the change shows without a reload.

mod actions;
mod arrears;
pub mod filters;
mod list;

use std::collections::HashMap;

use aftersales_api_types::defective_parts::{DefectivePartDto, DefectiveStatus};
use aftersales_api_types::warehouses::{WarehouseDto, WarehouseKind};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use uuid::Uuid;

use crate::api;
use crate::components::problem::ErrorsView;
use crate::i18n::{I18n, t};
use crate::session::{Session, use_session};

/// The warehouses in the user's sight, by id.
#[derive(Debug, Clone, Copy)]
pub struct Warehouses(StoredValue<Vec<WarehouseDto>>);

impl Warehouses {
    pub fn new(mut list: Vec<WarehouseDto>) -> Self {
        list.sort_by(|a, b| a.code.cmp(&b.code));
        Self(StoredValue::new(list))
    }

    /// A warehouse's code and name, or a dash when it is out of sight.
    pub fn label(&self, id: Uuid) -> String {
        self.0
            .with_value(|w| w.iter().find(|w| w.id == id).map(|w| format!("{} — {}", w.code, w.name)))
            .unwrap_or_else(|| "—".to_owned())
    }

    /// The open defective-parts warehouses, where old parts are handed in: id,
    /// code, and code with name.
    pub fn defective(&self) -> Vec<(Uuid, String, String)> {
        self.0.with_value(|w| {
            w.iter()
                .filter(|w| w.active && w.kind == WarehouseKind::Defective)
                .map(|w| (w.id, w.code.clone(), format!("{} — {}", w.code, w.name)))
                .collect()
        })
    }
}

/// How far an old part is from its due time, in words: overdue by so many days,
/// due in so many, or nothing once it is no longer owed.
pub fn due_words(i18n: &I18n, part: &DefectivePartDto, now: DateTime<Utc>) -> String {
    if part.status != DefectiveStatus::Owed {
        return "—".to_owned();
    }
    let days = (now - part.due_at).num_days();
    let n = i18n.number(days.abs());
    if part.due_at < now {
        if days < 1 {
            i18n.text("old_parts.overdue_under_day").to_owned()
        } else {
            i18n.format("old_parts.overdue_by", &[("days", &n)])
        }
    } else if days.abs() < 1 {
        i18n.text("old_parts.due_today").to_owned()
    } else {
        i18n.format("old_parts.due_in", &[("days", &n)])
    }
}

/// Now, by the browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// A status as a badge.
pub fn status_badge(status: DefectiveStatus) -> impl IntoView {
    let code = crate::query::wire(&status);
    view! { <span class=format!("badge old-part-status status-{code}") data-status=code>{t(filters::status_key(status))}</span> }
}

/// What the list, the summary and the action panel share.
#[derive(Debug, Clone, Copy)]
pub struct OldParts {
    pub session: Session,
    pub warehouses: Warehouses,
    /// Rows changed by an action here, by id: shown instead of what the list read.
    pub changed: RwSignal<HashMap<Uuid, DefectivePartDto>>,
    /// The part an action is being prepared for, and which action.
    pub acting: RwSignal<Option<actions::Acting>>,
    /// Bumped after each change, so the summary is read again.
    pub changes: RwSignal<u32>,
}

#[component]
pub fn OldPartsPage() -> impl IntoView {
    let session = use_session();
    let warehouses = LocalResource::new(move || api::reference::warehouses(session));
    view! {
        <section class="page old-parts-page">
            <h1 id="old-parts-title">{t("old_parts.title")}</h1>
            <p class="muted">{t("old_parts.intro")}</p>
            <p><a id="old-parts-to-rtv" href="/rtv-shipments">{t("rtv.nav")}</a></p>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move {
                        warehouses.await.map(|list| {
                            let page = OldParts {
                                session,
                                warehouses: Warehouses::new(list),
                                changed: RwSignal::new(HashMap::new()),
                                acting: RwSignal::new(None),
                                changes: RwSignal::new(0),
                            };
                            view! {
                                <arrears::Arrears page />
                                <actions::ActionPanel page />
                                <list::OldPartList page />
                            }
                        })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}
