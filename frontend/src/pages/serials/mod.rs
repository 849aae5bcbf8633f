//! `/serials`: look a unit up by the serial printed on it (any case, any spacing).
//! The serial stays in the address (`/serials?serial=…`) so a reload or a shared
//! link shows the same unit: its facts, today's warranty decision, its history,
//! component swaps and contracts, and (to those who may) the forms that change
//! it. `/serials/new` registers a unit.

mod actions;
mod contract_form;
mod edit;
mod facts;
pub(crate) mod fields;
mod owner;
mod records;
mod register;
mod swap_form;
mod tickets;
mod unit;

pub use self::register::SerialRegisterPage;

use aftersales_api_types::auth::Permission;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use self::unit::UnitView;
use crate::api;
use crate::components::problem::ProblemView;
use crate::i18n::t;
use crate::session::use_session;
use crate::tr;

/// Read the unit again after a change made on its page.
#[derive(Debug, Clone, Copy)]
pub struct Reload(RwSignal<u32>);

impl Reload {
    pub fn changed(self) {
        self.0.try_update(|n| *n += 1);
    }
}

#[component]
pub fn SerialsPage() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let serial = Memo::new(move |_| query.read().get("serial").map(|s| s.trim().to_owned()).unwrap_or_default());
    let changes = RwSignal::new(0_u32);
    provide_context(Reload(changes));
    let found = LocalResource::new(move || {
        let serial = serial.get();
        changes.track();
        async move {
            if serial.is_empty() {
                return None;
            }
            Some(api::serials::history(session, &serial).await)
        }
    });
    let body = move || {
        Suspend::new(async move {
            match found.await {
                None => view! { <p id="serials-hint" class="muted">{t("serials.hint")}</p> }.into_any(),
                Some(Ok(units)) => {
                    units.into_iter().map(|history| view! { <UnitView session history /> }).collect_view().into_any()
                }
                Some(Err(e)) if matches!(e.problem.status, 404 | 422) => {
                    let typed = serial.get_untracked();
                    view! {
                        <div id="serials-not-found" class="card empty-state" role="status">
                            <p class="empty-title">{t("serials.not_found")}</p>
                            <p class="muted">{tr!("serials.not_found_detail", serial = typed.clone())}</p>
                        </div>
                    }
                    .into_any()
                }
                Some(Err(e)) => view! {
                    <div class="alert" role="alert">
                        <ProblemView problem=e.problem />
                    </div>
                }
                .into_any(),
            }
        })
    };
    view! {
        <section class="page serials-page">
            <div class="page-head">
                <h1 id="serials-title">{t("serials.title")}</h1>
                <Show when=move || session.may(Permission::ManageCustomers)>
                    <a href="/serials/new" id="serials-new" class="button primary">
                        {t("serials.new")}
                    </a>
                </Show>
            </div>
            {move || view! { <SerialForm initial=serial.get() /> }}
            <Transition fallback=|| {
                view! {
                    <p id="serials-loading" class="muted" role="status">
                        {t("table.loading")}
                    </p>
                }
            }>{body}</Transition>
        </section>
    }
}

/// The serial field; submitting puts the serial into the address.
#[component]
fn SerialForm(initial: String) -> impl IntoView {
    let navigate = use_navigate();
    let typed = RwSignal::new(initial);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = typed.get_untracked();
        let value = value.trim();
        if !value.is_empty() {
            let encoded = String::from(js_sys::encode_uri_component(value));
            navigate(&format!("/serials?serial={encoded}"), Default::default());
        }
    };
    view! {
        <form id="serials-form" class="serials-form" on:submit=submit>
            <div class="field">
                <label for="serials-serial">{t("serials.serial_label")}</label>
                <input
                    id="serials-serial"
                    name="serial"
                    type="search"
                    dir="ltr"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    required
                    maxlength="80"
                    aria-describedby="serials-serial-hint"
                    bind:value=typed
                />
                <small id="serials-serial-hint" class="muted">
                    {t("serials.serial_hint")}
                </small>
            </div>
            <button id="serials-submit" type="submit" class="button primary">
                {t("serials.submit")}
            </button>
        </form>
    }
}
