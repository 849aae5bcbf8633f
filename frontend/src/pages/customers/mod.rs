//! `/customers`: the customer list with its filters (kept in the URL), a check for
//! possible duplicates by phone or e-mail, and the form to register a customer;
//! `/customers/:id`: one customer with their units and tickets.

mod contacts;
mod detail;
pub mod filters;
mod form;
mod list;

use aftersales_api_types::auth::Permission;
use aftersales_api_types::branches::BranchDto;
use leptos::prelude::*;

pub use self::detail::CustomerPage;
use self::form::CustomerForm;
use self::list::{CustomerList, DuplicateCheck};
use crate::api;
use crate::i18n::t;
use crate::session::{Session, use_session};

#[component]
pub fn CustomersPage() -> impl IntoView {
    let session = use_session();
    let branches = branches_resource(session);
    let creating = RwSignal::new(false);
    let may_edit = move || session.may(Permission::ManageCustomers);
    view! {
        <section class="page customers-page">
            <div class="page-head">
                <h1 id="customers-title">{t("customers.title")}</h1>
                <Show when=may_edit>
                    <button id="customer-new" type="button" class="button primary"
                        aria-expanded=move || creating.get().to_string()
                        on:click=move |_| creating.update(|c| *c = !*c)>
                        {move || if creating.get() { t("customers.close_form")() } else { t("customers.new")() }}
                    </button>
                </Show>
            </div>
            <Show when=move || creating.get()>
                <Suspense fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                    {move || Suspend::new(async move {
                        let branches = branches.await;
                        view! { <CustomerForm existing=None branches /> }
                    })}
                </Suspense>
            </Show>
            <CustomerList branches />
            <DuplicateCheck />
        </section>
    }
}

/// The branches the user may list (none for roles that may not: their own branch
/// is then the only choice).
pub fn branches_resource(session: Session) -> LocalResource<Vec<BranchDto>> {
    LocalResource::new(move || async move { api::reference::branches(session).await.unwrap_or_default() })
}
