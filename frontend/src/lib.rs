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
use leptos_router::{Lazy, LazyRoute, path};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::components::shell::Shell;
use crate::components::toast::{ToastArea, Toasts};
use crate::i18n::I18n;
use crate::pages::audit::AuditPage;
use crate::pages::branches::BranchesPage;
use crate::pages::catalogue::{BrandsPage, CategoriesPage, ComponentsPage, ModelsPage, SkillsPage};
use crate::pages::customers::{CustomerPage, CustomersPage};
use crate::pages::dispatch::DispatchPage;
use crate::pages::followups::FollowUpsPage;
use crate::pages::home::HomePage;
use crate::pages::imports::ImportsPage;
use crate::pages::intake::{IntakePage, ReceiptPage};
use crate::pages::login::LoginPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::old_parts::OldPartsPage;
use crate::pages::orders::{OrderPage, OrdersPage};
use crate::pages::part_sales::{NewPartSalePage, PartSalePage, PartSalesPage};
use crate::pages::partners::PartnersPage;
use crate::pages::parts::PartsPage;
use crate::pages::parts::warehouses::WarehousesPage;
use crate::pages::purchasing::{PurchaseOrderPage, PurchaseOrdersPage};
use crate::pages::reports::ReportsPage;
use crate::pages::rtv::{RtvShipmentPage, RtvShipmentsPage};
use crate::pages::serials::{SerialRegisterPage, SerialsPage};
use crate::pages::settings::SettingsPage;
use crate::pages::settings_catalog::{FaultCodesPage, ServiceItemsPage};
use crate::pages::stock::StockPage;
use crate::pages::ticket::TicketPage;
use crate::pages::tickets::TicketsPage;
use crate::pages::track::{TrackLookupPage, TrackPage};
use crate::pages::transfers::{StocktakePage, StocktakesPage, TransferPage, TransfersPage};
use crate::pages::users::UsersPage;
use crate::pages::warranty::{PolicyPage, WarrantyPoliciesPage};
use crate::pages::warranty_cards::{CardBatchPrintPage, WarrantyCardsPage};
use crate::pages::workflows::ticket_settings::TicketSettingsPage;
use crate::pages::workflows::{WorkflowPage, WorkflowsPage};
use crate::session::Session;

/// The pages that are not on the first screen, loaded together when one of them is
/// first visited.
///
/// The sign-in page, the shell and the dashboard are in the main module. Every other
/// page is reached only through `lazy::pages`, which `#[lazy]` marks as a split point
/// when the crate's feature `split` is on: scripts/build-frontend.sh (wasm-split) then
/// moves it, and all the code only it uses, into a second module that the browser
/// fetches on the first visit to such a page. The quick build for scripts/run.sh
/// leaves the feature off and keeps one module, so it needs no wasm-split. One
/// split point rather than one a page: per page, wasm-split cut the app into ~580
/// small modules, too many requests per page and minutes of wasm-opt per build.
mod lazy {
    use super::*;

    /// `lazy_pages!(Page, …)`: for each page a route type `lazy::Page`, whose view is
    /// the component `Page` taken from the split-off module.
    macro_rules! lazy_pages {
        ($($page:ident),* $(,)?) => {
            /// Which split-off page to show.
            // The variants are named after the page components, all `…Page`.
            #[allow(clippy::enum_variant_names)]
            #[derive(Clone, Copy)]
            pub enum Page {
                $($page),*
            }

            // Split off only with the feature `split` (the release build): without
            // wasm-split's cut the marked function would call a module that is not there.
            #[cfg_attr(feature = "split", leptos::lazy)]
            async fn pages(page: Page) -> AnyView {
                match page {
                    $(Page::$page => super::$page().into_any()),*
                }
            }

            $(
                pub struct $page;

                impl LazyRoute for $page {
                    fn data() -> Self {
                        $page
                    }

                    fn view(_this: Self) -> impl Future<Output = AnyView> {
                        pages(Page::$page)
                    }
                }
            )*
        };
    }

    lazy_pages!(
        TrackLookupPage,
        TrackPage,
        BranchesPage,
        UsersPage,
        StockPage,
        IntakePage,
        ReceiptPage,
        TicketsPage,
        TicketPage,
        SerialsPage,
        SerialRegisterPage,
        CustomersPage,
        CustomerPage,
        WarrantyPoliciesPage,
        PolicyPage,
        WarrantyCardsPage,
        CardBatchPrintPage,
        PartsPage,
        WarehousesPage,
        DispatchPage,
        FollowUpsPage,
        SettingsPage,
        WorkflowsPage,
        WorkflowPage,
        TicketSettingsPage,
        FaultCodesPage,
        ServiceItemsPage,
        BrandsPage,
        CategoriesPage,
        ModelsPage,
        ComponentsPage,
        SkillsPage,
        TransfersPage,
        TransferPage,
        StocktakesPage,
        StocktakePage,
        PurchaseOrdersPage,
        PurchaseOrderPage,
        ReportsPage,
        PartSalesPage,
        NewPartSalePage,
        PartSalePage,
        ImportsPage,
        AuditPage,
        OldPartsPage,
        RtvShipmentsPage,
        RtvShipmentPage,
        PartnersPage,
        OrdersPage,
        OrderPage,
    );
}

/// The whole app: the language, the session, and one route per page.
#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide();
    let session = Session::provide();
    Toasts::provide();
    // The signed-in user's own language, unless one was picked in this browser;
    // a memo, so that renewing the session's tokens changes nothing on screen.
    let saved = Memo::new(move |_| session.user().map(|u| u.locale));
    Effect::new(move |_| match saved.get() {
        Some(saved) => i18n.follow_profile(saved),
        None => i18n.forget_profile(),
    });
    view! {
        <ToastArea />
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/login") view=LoginPage />
                // Public: customers follow their ticket without an account.
                <Route path=path!("/track") view={Lazy::<lazy::TrackLookupPage>::new()} />
                <Route path=path!("/track/:code") view={Lazy::<lazy::TrackPage>::new()} />
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=HomePage />
                    <Route path=path!("branches") view={Lazy::<lazy::BranchesPage>::new()} />
                    <Route path=path!("users") view={Lazy::<lazy::UsersPage>::new()} />
                    <Route path=path!("partners") view={Lazy::<lazy::PartnersPage>::new()} />
                    <Route path=path!("orders") view={Lazy::<lazy::OrdersPage>::new()} />
                    <Route path=path!("orders/:id") view={Lazy::<lazy::OrderPage>::new()} />
                    <Route path=path!("stock") view={Lazy::<lazy::StockPage>::new()} />
                    <Route path=path!("tickets/new") view={Lazy::<lazy::IntakePage>::new()} />
                    <Route path=path!("tickets/:id/receipt") view={Lazy::<lazy::ReceiptPage>::new()} />
                    <Route path=path!("tickets") view={Lazy::<lazy::TicketsPage>::new()} />
                    <Route path=path!("tickets/:id") view={Lazy::<lazy::TicketPage>::new()} />
                    <Route path=path!("serials") view={Lazy::<lazy::SerialsPage>::new()} />
                    <Route path=path!("serials/new") view={Lazy::<lazy::SerialRegisterPage>::new()} />
                    <Route path=path!("customers") view={Lazy::<lazy::CustomersPage>::new()} />
                    <Route path=path!("customers/:id") view={Lazy::<lazy::CustomerPage>::new()} />
                    <Route path=path!("warranty-policies") view={Lazy::<lazy::WarrantyPoliciesPage>::new()} />
                    <Route path=path!("warranty-policies/:id") view={Lazy::<lazy::PolicyPage>::new()} />
                    <Route path=path!("warranty-cards") view={Lazy::<lazy::WarrantyCardsPage>::new()} />
                    <Route path=path!("warranty-cards/batches/:id") view={Lazy::<lazy::CardBatchPrintPage>::new()} />
                    <Route path=path!("parts") view={Lazy::<lazy::PartsPage>::new()} />
                    <Route path=path!("warehouses") view={Lazy::<lazy::WarehousesPage>::new()} />
                    <Route path=path!("dispatch") view={Lazy::<lazy::DispatchPage>::new()} />
                    <Route path=path!("follow-ups") view={Lazy::<lazy::FollowUpsPage>::new()} />
                    <Route path=path!("settings") view={Lazy::<lazy::SettingsPage>::new()} />
                    <Route path=path!("settings/workflows") view={Lazy::<lazy::WorkflowsPage>::new()} />
                    <Route path=path!("settings/workflows/:kind") view={Lazy::<lazy::WorkflowPage>::new()} />
                    <Route path=path!("settings/tickets") view={Lazy::<lazy::TicketSettingsPage>::new()} />
                    <Route path=path!("settings/fault-codes") view={Lazy::<lazy::FaultCodesPage>::new()} />
                    <Route path=path!("settings/service-items") view={Lazy::<lazy::ServiceItemsPage>::new()} />
                    <Route path=path!("settings/brands") view={Lazy::<lazy::BrandsPage>::new()} />
                    <Route path=path!("settings/categories") view={Lazy::<lazy::CategoriesPage>::new()} />
                    <Route path=path!("settings/models") view={Lazy::<lazy::ModelsPage>::new()} />
                    <Route path=path!("settings/models/:id") view={Lazy::<lazy::ComponentsPage>::new()} />
                    <Route path=path!("settings/skills") view={Lazy::<lazy::SkillsPage>::new()} />
                    <Route path=path!("transfers") view={Lazy::<lazy::TransfersPage>::new()} />
                    <Route path=path!("transfers/:id") view={Lazy::<lazy::TransferPage>::new()} />
                    <Route path=path!("stocktakes") view={Lazy::<lazy::StocktakesPage>::new()} />
                    <Route path=path!("stocktakes/:id") view={Lazy::<lazy::StocktakePage>::new()} />
                    <Route path=path!("purchase-orders") view={Lazy::<lazy::PurchaseOrdersPage>::new()} />
                    <Route path=path!("purchase-orders/:id") view={Lazy::<lazy::PurchaseOrderPage>::new()} />
                    <Route path=path!("reports") view={Lazy::<lazy::ReportsPage>::new()} />
                    <Route path=path!("part-sales") view={Lazy::<lazy::PartSalesPage>::new()} />
                    <Route path=path!("part-sales/new") view={Lazy::<lazy::NewPartSalePage>::new()} />
                    <Route path=path!("part-sales/:id") view={Lazy::<lazy::PartSalePage>::new()} />
                    <Route path=path!("imports") view={Lazy::<lazy::ImportsPage>::new()} />
                    <Route path=path!("audit") view={Lazy::<lazy::AuditPage>::new()} />
                    <Route path=path!("old-parts") view={Lazy::<lazy::OldPartsPage>::new()} />
                    <Route path=path!("rtv-shipments") view={Lazy::<lazy::RtvShipmentsPage>::new()} />
                    <Route path=path!("rtv-shipments/:id") view={Lazy::<lazy::RtvShipmentPage>::new()} />
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
