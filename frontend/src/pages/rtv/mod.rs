//! `/rtv-shipments` and `/rtv-shipments/:id`: old parts going back to their
//! manufacturer. A shipment is packed from parts handed in to one
//! defective-parts warehouse, of one brand (`MoveStock`), shipped with the
//! carrier's reference (`MoveStock`), then acknowledged with the manufacturer's
//! credit note (`ManageParts`), which writes its parts off. Everyone who sees
//! stock reads them.

mod detail;
mod draft;
mod list;

use aftersales_api_types::catalogue::BrandDto;
use aftersales_api_types::rtv::RtvStatus;
use futures::future::join;
use leptos::prelude::*;
use uuid::Uuid;

pub use self::detail::RtvShipmentPage;
use crate::api::{self, ApiError};
use crate::components::screen::WhenLoaded;
use crate::i18n::t;
use crate::pages::old_parts::Warehouses;
use crate::session::{Session, use_session};

/// The warehouses and brands in the user's sight, by id.
#[derive(Debug, Clone, Copy)]
pub struct Names {
    pub session: Session,
    pub warehouses: Warehouses,
    pub brands: StoredValue<Vec<BrandDto>>,
}

impl Names {
    pub async fn load(session: Session) -> Result<Self, ApiError> {
        let (warehouses, brands) = join(api::reference::warehouses(session), api::reference::brands(session)).await;
        let mut brands = brands?;
        brands.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Self { session, warehouses: Warehouses::new(warehouses?), brands: StoredValue::new(brands) })
    }

    /// A brand's name, or a dash when it is unknown.
    pub fn brand(&self, id: Uuid) -> String {
        self.brands.with_value(|b| b.iter().find(|b| b.id == id).map(|b| b.name.clone())).unwrap_or_else(|| "—".into())
    }
}

/// Every status, in the order a shipment goes through them.
pub const STATUSES: [RtvStatus; 3] = [RtvStatus::Draft, RtvStatus::Shipped, RtvStatus::Acknowledged];

/// The catalogue key of a status.
pub fn status_key(status: RtvStatus) -> &'static str {
    match status {
        RtvStatus::Draft => "rtv.status.draft",
        RtvStatus::Shipped => "rtv.status.shipped",
        RtvStatus::Acknowledged => "rtv.status.acknowledged",
    }
}

/// A status as a badge.
pub fn status_badge(status: RtvStatus) -> impl IntoView {
    let code = crate::query::wire(&status);
    view! { <span class=format!("badge rtv-status status-{code}") data-status=code>{t(status_key(status))}</span> }
}

/// Loads the names, then renders `page` with them.
#[component]
pub fn WithNames<V: IntoView + 'static>(page: fn(Names) -> V) -> impl IntoView {
    let session = use_session();
    let data = LocalResource::new(move || Names::load(session));
    view! { <WhenLoaded data show=page /> }
}

/// `/rtv-shipments`: packing a new shipment for those who move stock, and the list.
#[component]
pub fn RtvShipmentsPage() -> impl IntoView {
    view! {
        <section class="page rtv-page">
            <h1 id="rtv-title">{t("rtv.title")}</h1>
            <p class="muted">{t("rtv.intro")}</p>
            <p><a id="rtv-to-old-parts" href="/old-parts">{t("rtv.to_old_parts")}</a></p>
            <WithNames page=|names| view! {
                <Show when=move || names.session.may(aftersales_api_types::auth::Permission::MoveStock)>
                    <draft::DraftShipment names />
                </Show>
                <list::ShipmentList names />
            } />
        </section>
    }
}
