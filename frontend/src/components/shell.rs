//! The frame around every page but the login page: header, navigation, sign-out.
//! Signed-out visitors are sent to `/login`.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{A, Outlet, Redirect};
use leptos_router::hooks::use_navigate;

use crate::api;
use crate::components::branch_switcher::BranchSwitcher;
use crate::components::locale_switcher::LocaleSwitcher;
use crate::components::reauth::Reauth;
use crate::i18n::t;
use crate::session::{
    CUSTOMER_VIEWERS, DISPATCHERS, MANAGERS, PURCHASE_VIEWERS, SERIAL_VIEWERS, STOCK_MOVERS, STOCK_VIEWERS, Session,
    TICKET_CONFIGURERS, TICKET_VIEWERS, WARRANTY_VIEWERS, use_session,
};

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
    let manager = move || session.has_any_role(MANAGERS);
    let stock = move || session.has_any_role(STOCK_VIEWERS);
    let tickets = move || session.has_any_role(TICKET_VIEWERS);
    let serials = move || session.has_any_role(SERIAL_VIEWERS);
    let customers = move || session.has_any_role(CUSTOMER_VIEWERS);
    let warranty = move || session.has_any_role(WARRANTY_VIEWERS);
    let parts = move || session.has_any_role(STOCK_VIEWERS);
    let dispatch = move || session.has_any_role(DISPATCHERS);
    let settings = move || session.has_any_role(TICKET_CONFIGURERS);
    let movers = move || session.has_any_role(STOCK_MOVERS);
    let purchasing = move || session.has_any_role(PURCHASE_VIEWERS);
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
                <Show when=dispatch>
                    <li>
                        <A href="/dispatch">{t("dispatch.nav")}</A>
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
                <Show when=parts>
                    <li>
                        <A href="/warehouses">{t("warehouses.nav")}</A>
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
                <Show when=manager>
                    <li>
                        <A href="/branches">{t("nav.branches")}</A>
                    </li>
                    <li>
                        <A href="/users">{t("nav.users")}</A>
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
