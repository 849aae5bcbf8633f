//! `/transfers`, `/transfers/:id`, `/stocktakes`, `/stocktakes/:id`: stock moving
//! between warehouses, and count sheets. Everyone who sees stock may read them;
//! the warehouse keepers and managers (`MoveStock`) act on them. Each step's
//! answer replaces what the page shows, so a change shows without a reload.

mod create;
mod detail;
pub mod filters;
mod list;
mod sheet;
mod sheet_lines;
mod steps;
mod stocktakes;

use aftersales_api_types::auth::Permission;
use aftersales_api_types::parts::PartDto;
use aftersales_api_types::warehouses::WarehouseDto;
use futures::future::join;
use leptos::prelude::*;
use uuid::Uuid;

pub use self::detail::TransferPage;
pub use self::sheet::StocktakePage;
pub use self::stocktakes::StocktakesPage;
use crate::api::{self, ApiError};
use crate::components::problem::ErrorsView;
use crate::i18n::t;
use crate::session::{Session, use_session};

/// The warehouses in the user's scope and the parts catalogue, by id.
#[derive(Debug, Clone, Copy)]
pub struct Lookup {
    pub warehouses: StoredValue<Vec<WarehouseDto>>,
    pub parts: StoredValue<Vec<PartDto>>,
}

impl Lookup {
    fn new(mut warehouses: Vec<WarehouseDto>, mut parts: Vec<PartDto>) -> Self {
        warehouses.sort_by(|a, b| a.code.cmp(&b.code));
        parts.sort_by(|a, b| a.sku.cmp(&b.sku));
        Self { warehouses: StoredValue::new(warehouses), parts: StoredValue::new(parts) }
    }

    /// A warehouse's code, or its id when it is out of the user's sight.
    pub fn warehouse_code(&self, id: Uuid) -> String {
        self.warehouses
            .with_value(|w| w.iter().find(|w| w.id == id).map(|w| w.code.clone()))
            .unwrap_or_else(|| id.to_string())
    }

    pub fn part(&self, id: Uuid) -> Option<PartDto> {
        self.parts.with_value(|p| p.iter().find(|p| p.id == id).cloned())
    }

    /// The open warehouses, for choosing.
    pub fn warehouse_options(&self) -> Vec<(Uuid, String)> {
        self.warehouses
            .with_value(|w| w.iter().filter(|w| w.active).map(|w| (w.id, format!("{} — {}", w.code, w.name))).collect())
    }

    /// The active parts, for choosing.
    pub fn part_options(&self) -> Vec<(Uuid, String, String)> {
        self.parts.with_value(|p| {
            p.iter().filter(|p| p.active).map(|p| (p.id, p.sku.clone(), format!("{} — {}", p.sku, p.name))).collect()
        })
    }
}

/// Loads the warehouses and parts, then renders `page` with them.
#[component]
pub fn WithLookup<V: IntoView + 'static>(page: fn(Session, Lookup) -> V) -> impl IntoView {
    let session = use_session();
    let lists = LocalResource::new(move || async move {
        let (warehouses, parts) = join(api::reference::warehouses(session), api::stock::parts(session)).await;
        Ok::<_, ApiError>((warehouses?, parts?))
    });
    view! {
        <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                {move || Suspend::new(async move {
                    lists.await.map(|(warehouses, parts)| page(session, Lookup::new(warehouses, parts)))
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// Whether the user may act on transfers and stocktakes (reactive).
pub fn may_move(session: Session) -> bool {
    session.may(Permission::MoveStock)
}

/// `/transfers`: the list with its filters, and a new draft for those who move stock.
#[component]
pub fn TransfersPage() -> impl IntoView {
    view! {
        <section class="page transfers-page">
            <h1 id="transfers-title">{t("transfers.title")}</h1>
            <WithLookup page=|session, lookup| view! {
                <Show when=move || may_move(session)>
                    <create::CreateTransfer session lookup />
                </Show>
                <list::TransferList session lookup />
            } />
        </section>
    }
}
