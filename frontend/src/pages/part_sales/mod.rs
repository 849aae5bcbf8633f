//! `/part-sales`, `/part-sales/new`, `/part-sales/:id`: parts sold over the counter
//! from a warehouse's shelf. Everyone who sees stock reads the sales; those who
//! move stock (`MoveStock`) sell. A sale leaves the shelf all at once or not at
//! all: a line the shelf cannot fill is refused beside the line. The sale's page
//! is its printable slip.

mod buyer;
pub mod filters;
mod form;
mod lines;
mod list;
mod pricing;
mod slip;

use aftersales_api_types::auth::Permission;
use aftersales_api_types::warehouses::WarehouseDto;
use leptos::prelude::*;
use uuid::Uuid;

pub use self::form::NewPartSalePage;
pub use self::list::PartSalesPage;
pub use self::slip::PartSalePage;
use crate::api::{self, ApiError};
use crate::components::screen::WhenLoaded;
use crate::session::{Session, use_session};

/// The warehouses in the user's scope, by code, read once per page.
#[derive(Debug, Clone, Copy)]
pub struct Lists {
    pub session: Session,
    pub warehouses: StoredValue<Vec<WarehouseDto>>,
}

impl Lists {
    pub async fn load(session: Session) -> Result<Lists, ApiError> {
        let mut warehouses = api::reference::warehouses(session).await?;
        warehouses.sort_by(|a, b| a.code.cmp(&b.code));
        Ok(Lists { session, warehouses: StoredValue::new(warehouses) })
    }

    /// `(id, "CODE — Name")` of the warehouses; only the open ones when `open`.
    pub fn warehouse_options(&self, open: bool) -> Vec<(Uuid, String, String)> {
        self.warehouses.with_value(|ws| {
            ws.iter()
                .filter(|w| w.active || !open)
                .map(|w| (w.id, w.code.clone(), format!("{} — {}", w.code, w.name)))
                .collect()
        })
    }
}

/// Whether the user may sell (reactive).
pub fn may_sell(session: Session) -> bool {
    session.may(Permission::MoveStock)
}

/// Loads the lists, then renders `page` with them.
#[component]
pub fn WithLists<V: IntoView + 'static>(page: fn(Lists) -> V) -> impl IntoView {
    let session = use_session();
    let data = LocalResource::new(move || Lists::load(session));
    view! { <WhenLoaded data show=page /> }
}
