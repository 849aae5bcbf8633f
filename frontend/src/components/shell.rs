//! The frame around every page but the login page: header, navigation, sign-out.
//! Signed-out visitors are sent to `/login`.

use aftersales_api_types::auth::Permission;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{A, Outlet, Redirect};
use leptos_router::hooks::use_navigate;

use crate::api;
use crate::components::branch_switcher::BranchSwitcher;
use crate::components::locale_switcher::LocaleSwitcher;
use crate::components::reauth::Reauth;
use crate::i18n::t;
use crate::session::{Session, use_session};

/// The layout route: renders the matched child page in `<main>`.
#[component]
pub fn Shell() -> impl IntoView {
    let session = use_session();
    view! {
        <Show
            when=move || session.signed_in()
            fallback=|| view! { <Redirect path="/login" /> }
        >
            <div class="shell">
                <Header session />
                <main id="content" class="content">
                    <Outlet />
                </main>
                <Reauth />
            </div>
        </Show>
    }
}

#[component]
fn Header(session: Session) -> impl IntoView {
    let navigate = use_navigate();
    let (signing_out, set_signing_out) = signal(false);
    let sign_out = move |_| {
        let navigate = navigate.clone();
        set_signing_out.set(true);
        spawn_local(async move {
            // Whatever the server says, this browser forgets the session.
            let _ = api::logout(session).await;
            session.clear();
            navigate("/login", Default::default());
        });
    };
    let display_name = move || session.user().map(|u| u.display_name).unwrap_or_default();
    view! {
        <header class="header">
            <a class="brand" href="/">
                "Aftersales"
            </a>
            <Nav session />
            <div class="account">
                <BranchSwitcher />
                <LocaleSwitcher />
                <span id="current-user" class="current-user">
                    {display_name}
                </span>
                <button
                    id="logout"
                    type="button"
                    class="button secondary"
                    on:click=sign_out
                    disabled=move || signing_out.get()
                >
                    {t("shell.sign_out")}
                </button>
            </div>
        </header>
    }
}

#[component]
fn Nav(session: Session) -> impl IntoView {
    // Each link shows when the server would answer the page's first read.
    let may = move |permission| move || session.may(permission);
    let organisation = may(Permission::ViewOrganisation);
    let stock = may(Permission::ViewStock);
    let tickets = may(Permission::ViewTickets);
    // The serial registry is read under the catalogue's permission; warranty policies
    // by anyone signed in, and everyone reads the catalogue.
    let serials = may(Permission::ViewCatalogue);
    let customers = may(Permission::ViewCustomers);
    let warranty = may(Permission::ViewCatalogue);
    let parts = may(Permission::ViewParts);
    let dispatch = may(Permission::DispatchTickets);
    let followups = may(Permission::HandleFollowUps);
    let settings = may(Permission::ConfigureTickets);
    let movers = may(Permission::MoveStock);
    let purchasing = may(Permission::ViewStock);
    let imports = may(Permission::ImportData);
    let audit = may(Permission::ReadAudit);
    let partners = may(Permission::ManagePartners);
    let orders = may(Permission::ManageOrders);
    view! {
        <nav class="nav" aria-label=t("nav.main")>
            <ul>
                <li>
                    <A href="/" exact=true>
                        {t("nav.home")}
                    </A>
                </li>
                <Show when=tickets>
                    <li>
                        <A href="/tickets">{t("nav.tickets")}</A>
                    </li>
                </Show>
                <Show when=customers>
                    <li>
                        <A href="/customers">{t("customers.nav")}</A>
                    </li>
                </Show>
                <Show when=orders>
                    <li>
                        <A href="/orders">{t("orders.nav")}</A>
                    </li>
                </Show>
                <Show when=dispatch>
                    <li>
                        <A href="/dispatch">{t("dispatch.nav")}</A>
                    </li>
                </Show>
                <Show when=followups>
                    <li>
                        <A href="/follow-ups">{t("followups.nav")}</A>
                    </li>
                </Show>
                <Show when=serials>
                    <li>
                        <A href="/serials">{t("nav.serials")}</A>
                    </li>
                </Show>
                <Show when=warranty>
                    <li>
                        <A href="/warranty-policies">{t("warranty.nav")}</A>
                    </li>
                </Show>
                <Show when=move || session.may(Permission::ManageCustomers) || session.may(Permission::ManageWarranty)>
                    <li>
                        <A href="/warranty-cards">{t("cards.nav")}</A>
                    </li>
                </Show>
                <Show when=stock>
                    <li>
                        <A href="/stock">{t("nav.stock")}</A>
                    </li>
                </Show>
                <Show when=parts>
                    <li>
                        <A href="/parts">{t("parts.nav")}</A>
                    </li>
                </Show>
                <Show when=purchasing>
                    <li>
                        <A href="/purchase-orders">{t("purchasing.nav")}</A>
                    </li>
                </Show>
                <Show when=purchasing>
                    <li>
                        <A href="/part-sales">{t("part_sales.nav")}</A>
                    </li>
                </Show>
                <Show when=tickets>
                    <li>
                        <A href="/reports">{t("reports.nav")}</A>
                    </li>
                </Show>
                <Show when=parts>
                    <li>
                        <A href="/warehouses">{t("warehouses.nav")}</A>
                    </li>
                </Show>
                <Show when=stock>
                    <li>
                        <A href="/old-parts">{t("old_parts.nav")}</A>
                    </li>
                    <li>
                        <A href="/rtv-shipments">{t("rtv.nav")}</A>
                    </li>
                </Show>
                <Show when=movers>
                    <li>
                        <A href="/transfers">{t("transfers.nav")}</A>
                    </li>
                    <li>
                        <A href="/stocktakes">{t("stocktakes.nav")}</A>
                    </li>
                </Show>
                <Show when=organisation>
                    <li>
                        <A href="/branches">{t("nav.branches")}</A>
                    </li>
                    <li>
                        <A href="/users">{t("nav.users")}</A>
                    </li>
                </Show>
                <Show when=partners>
                    <li>
                        <A href="/partners">{t("partners.nav")}</A>
                    </li>
                </Show>
                <Show when=imports>
                    <li>
                        <A href="/imports">{t("imports.nav")}</A>
                    </li>
                </Show>
                <Show when=audit>
                    <li>
                        <A href="/audit">{t("audit.nav")}</A>
                    </li>
                </Show>
                <Show when=settings>
                    <li>
                        <A href="/settings">{t("workflows.nav")}</A>
                    </li>
                </Show>
            </ul>
        </nav>
    }
}
