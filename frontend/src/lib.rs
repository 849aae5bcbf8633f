//! The Aftersales office web app: a Leptos single-page app rendered in the browser.
//! It talks to the REST API (`/api/v1`) on the origin that serves it.

pub mod api;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod query;
pub mod session;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::components::shell::Shell;
use crate::components::toast::{ToastArea, Toasts};
use crate::i18n::I18n;
use crate::pages::branches::BranchesPage;
use crate::pages::customers::{CustomerPage, CustomersPage};
use crate::pages::dispatch::DispatchPage;
use crate::pages::home::HomePage;
use crate::pages::intake::{IntakePage, ReceiptPage};
use crate::pages::login::LoginPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::parts::PartsPage;
use crate::pages::parts::warehouses::WarehousesPage;
use crate::pages::purchasing::{PurchaseOrderPage, PurchaseOrdersPage};
use crate::pages::reports::ReportsPage;
use crate::pages::serials::SerialsPage;
use crate::pages::settings::SettingsPage;
use crate::pages::settings_catalog::{FaultCodesPage, ServiceItemsPage};
use crate::pages::stock::StockPage;
use crate::pages::ticket::TicketPage;
use crate::pages::tickets::TicketsPage;
use crate::pages::track::{TrackLookupPage, TrackPage};
use crate::pages::transfers::{StocktakePage, StocktakesPage, TransferPage, TransfersPage};
use crate::pages::users::UsersPage;
use crate::pages::warranty::{PolicyPage, WarrantyPoliciesPage};
use crate::pages::workflows::ticket_settings::TicketSettingsPage;
use crate::pages::workflows::{WorkflowPage, WorkflowsPage};
use crate::session::Session;

/// The whole app: the language, the session, and one route per page.
#[component]
pub fn App() -> impl IntoView {
    I18n::provide();
    Session::provide();
    Toasts::provide();
    view! {
        <ToastArea />
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/login") view=LoginPage />
                // Public: customers follow their ticket without an account.
                <Route path=path!("/track") view=TrackLookupPage />
                <Route path=path!("/track/:code") view=TrackPage />
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=HomePage />
                    <Route path=path!("branches") view=BranchesPage />
                    <Route path=path!("users") view=UsersPage />
                    <Route path=path!("stock") view=StockPage />
                    <Route path=path!("tickets/new") view=IntakePage />
                    <Route path=path!("tickets/:id/receipt") view=ReceiptPage />
                    <Route path=path!("tickets") view=TicketsPage />
                    <Route path=path!("tickets/:id") view=TicketPage />
                    <Route path=path!("serials") view=SerialsPage />
                    <Route path=path!("customers") view=CustomersPage />
                    <Route path=path!("customers/:id") view=CustomerPage />
                    <Route path=path!("warranty-policies") view=WarrantyPoliciesPage />
                    <Route path=path!("warranty-policies/:id") view=PolicyPage />
                    <Route path=path!("parts") view=PartsPage />
                    <Route path=path!("warehouses") view=WarehousesPage />
                    <Route path=path!("dispatch") view=DispatchPage />
                    <Route path=path!("settings") view=SettingsPage />
                    <Route path=path!("settings/workflows") view=WorkflowsPage />
                    <Route path=path!("settings/workflows/:kind") view=WorkflowPage />
                    <Route path=path!("settings/tickets") view=TicketSettingsPage />
                    <Route path=path!("settings/fault-codes") view=FaultCodesPage />
                    <Route path=path!("settings/service-items") view=ServiceItemsPage />
                    <Route path=path!("transfers") view=TransfersPage />
                    <Route path=path!("transfers/:id") view=TransferPage />
                    <Route path=path!("stocktakes") view=StocktakesPage />
                    <Route path=path!("stocktakes/:id") view=StocktakePage />
                    <Route path=path!("purchase-orders") view=PurchaseOrdersPage />
                    <Route path=path!("purchase-orders/:id") view=PurchaseOrderPage />
                    <Route path=path!("reports") view=ReportsPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// Runs when the wasm module is loaded.
#[wasm_bindgen(start)]
pub fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
