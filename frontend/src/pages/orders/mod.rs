//! `/orders` and `/orders/:id`: the orders e-commerce platforms and dealers sold.
//! Taking one in registers its units with the order's dates (a model that needs
//! installing gets an installation ticket); the order then follows the
//! platform's lifecycle, and a buyer's return or exchange opens a ticket on
//! which the network decides (refund, exchange, repair or rejection). The list
//! keeps its filters in the URL; below it, the units kept in a returns
//! warehouse. Everything here needs `ManageOrders`.

mod decide;
mod detail;
pub mod filters;
mod form;
mod form_lines;
mod links;
mod list;
mod request;
mod returned;
mod returns;
mod status;

use aftersales_api_types::auth::Permission;
use aftersales_api_types::catalogue::ProductModelDto;
use aftersales_api_types::orders::{OrderStatus, ReturnKind, ReturnOutcome};
use aftersales_api_types::partners::PartnerDto;
use aftersales_api_types::warehouses::{WarehouseDto, WarehouseKind};
use futures::future::join3;
use leptos::prelude::*;
use uuid::Uuid;

pub use self::detail::OrderPage;
pub use self::list::OrdersPage;
use crate::api::{self, ApiError};
use crate::components::screen::WhenLoaded;
use crate::i18n::t;
use crate::session::{Session, use_session};

/// The catalogue key of an order status, in words.
pub fn status_key(status: OrderStatus) -> &'static str {
    match status {
        OrderStatus::New => "orders.status.new",
        OrderStatus::Confirmed => "orders.status.confirmed",
        OrderStatus::Shipped => "orders.status.shipped",
        OrderStatus::Delivered => "orders.status.delivered",
        OrderStatus::CancellationRequested => "orders.status.cancellation_requested",
        OrderStatus::CancellationAccepted => "orders.status.cancellation_accepted",
        OrderStatus::Cancelled => "orders.status.cancelled",
        OrderStatus::ReturnRequested => "orders.status.return_requested",
        OrderStatus::ReturnAccepted => "orders.status.return_accepted",
        OrderStatus::Returned => "orders.status.returned",
        OrderStatus::ExchangeRequested => "orders.status.exchange_requested",
        OrderStatus::ExchangeAccepted => "orders.status.exchange_accepted",
        OrderStatus::Exchanged => "orders.status.exchanged",
    }
}

/// The catalogue key of what a buyer asked for.
pub fn kind_key(kind: ReturnKind) -> &'static str {
    match kind {
        ReturnKind::Return => "orders.kind.return",
        ReturnKind::Exchange => "orders.kind.exchange",
    }
}

/// The catalogue key of a decision on a return.
pub fn outcome_key(outcome: ReturnOutcome) -> &'static str {
    match outcome {
        ReturnOutcome::Refund => "orders.outcome.refund",
        ReturnOutcome::Exchange => "orders.outcome.exchange",
        ReturnOutcome::Repair => "orders.outcome.repair",
        ReturnOutcome::Rejected => "orders.outcome.rejected",
    }
}

/// A status in words, marked with its code for styling and tests.
pub fn status_badge(status: OrderStatus) -> impl IntoView {
    let code = status.as_str();
    view! { <span class=format!("badge order-status status-{code}") data-status=code>{t(status_key(status))}</span> }
}

/// What the order screens name things by, read once per page: the platforms and
/// dealers (`None` when the user may not list partners), the product models and
/// the warehouses in the user's sight.
#[derive(Debug, Clone, Copy)]
pub struct Names {
    pub session: Session,
    pub sellers: StoredValue<Option<Vec<PartnerDto>>>,
    pub models: StoredValue<Vec<ProductModelDto>>,
    pub warehouses: StoredValue<Vec<WarehouseDto>>,
}

impl Names {
    /// Only administrators may list partners; the others cannot choose a platform
    /// for a new order.
    pub async fn load(session: Session) -> Result<Self, ApiError> {
        let may_list = session.may(Permission::ManagePartners);
        let sellers = async move { if may_list { Some(api::orders::sellers(session).await) } else { None } };
        let (sellers, models, warehouses) =
            join3(sellers, api::reference::models(session, None), api::reference::warehouses(session)).await;
        let mut models = models?;
        models.sort_by(|a, b| a.sku.cmp(&b.sku));
        let mut warehouses = warehouses?;
        warehouses.sort_by(|a, b| a.code.cmp(&b.code));
        Ok(Self {
            session,
            sellers: StoredValue::new(sellers.transpose()?),
            models: StoredValue::new(models),
            warehouses: StoredValue::new(warehouses),
        })
    }

    /// A model's SKU and name, else the start of its id.
    pub fn model(&self, id: Uuid) -> String {
        self.models
            .with_value(|m| m.iter().find(|m| m.id == id).map(|m| format!("{} — {}", m.sku, m.name)))
            .unwrap_or_else(|| short_id(id))
    }

    /// A warehouse's code and name, else the start of its id.
    pub fn warehouse(&self, id: Uuid) -> String {
        self.warehouses
            .with_value(|w| w.iter().find(|w| w.id == id).map(|w| format!("{} — {}", w.code, w.name)))
            .unwrap_or_else(|| short_id(id))
    }

    /// The open returns warehouses, where the units the network keeps go.
    pub fn returns_warehouses(&self) -> Vec<WarehouseDto> {
        self.warehouses
            .with_value(|w| w.iter().filter(|w| w.active && w.kind == WarehouseKind::Returns).cloned().collect())
    }
}

/// The first eight characters of an id, for something the user cannot read the name of.
fn short_id(id: Uuid) -> String {
    id.to_string().chars().take(8).collect()
}

/// Loads the names, then renders `page` with them.
#[component]
fn WithNames<V: IntoView + 'static>(page: fn(Names) -> V) -> impl IntoView {
    let session = use_session();
    let data = LocalResource::new(move || Names::load(session));
    view! { <WhenLoaded data show=page /> }
}
