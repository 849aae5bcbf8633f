//! `/partners`: repair shops, e-commerce platforms, manufacturers and dealers
//! (`GET /partners`), a form to add or change one, each partner's API keys and
//! its webhook endpoints with their delivery log.

use std::collections::HashMap;

use aftersales_api_types::auth::Permission;
use aftersales_api_types::branches::BranchDto;
use aftersales_api_types::partners::{PartnerDto, PartnerKind};
use leptos::prelude::*;
use uuid::Uuid;

use crate::api;
use crate::components::problem::ProblemView;
use crate::components::screen::{NewButton, Screen};
use crate::components::table::ListTable;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

mod deliveries;
mod form;
mod keys;
mod webhooks;

use self::form::PartnerForm;
use self::keys::KeysPanel;
use self::webhooks::WebhooksPanel;

const COLUMNS: &[&str] = &[
    "settings.code",
    "settings.name",
    "partners.kind",
    "settings.branch",
    "partners.contact",
    "partners.active",
    "settings.actions",
];

/// The catalogue key of a partner kind's name.
pub fn kind_key(kind: PartnerKind) -> &'static str {
    match kind {
        PartnerKind::RepairShop => "partners.kind.repair_shop",
        PartnerKind::EcommercePlatform => "partners.kind.ecommerce_platform",
        PartnerKind::Manufacturer => "partners.kind.manufacturer",
        PartnerKind::Dealer => "partners.kind.dealer",
    }
}

#[component]
pub fn PartnersPage() -> impl IntoView {
    let session = use_session();
    let branches = LocalResource::new(move || api::reference::branches(session));
    view! {
        <section class="page settings-page partners-page">
            <h1>{t("partners.title")}</h1>
            <p class="muted">{t("partners.intro")}</p>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                {move || Suspend::new(async move {
                    match branches.await {
                        Ok(branches) => view! { <PartnersScreen branches=StoredValue::new(branches) /> }.into_any(),
                        Err(e) => view! { <div class="alert" role="alert"><ProblemView problem=e.problem /></div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The panel open under the form: one partner's keys or its webhooks.
#[derive(Debug, Clone)]
enum Panel {
    Keys(PartnerDto),
    Webhooks(PartnerDto),
}

#[component]
fn PartnersScreen(branches: StoredValue<Vec<BranchDto>>) -> impl IntoView {
    let session = use_session();
    let screen = Screen::<PartnerDto>::new(session);
    let panel_of = RwSignal::new(None::<Panel>);
    let list = LocalResource::new(move || {
        let _ = screen.changes.get();
        api::partners::partners(session)
    });
    let codes: HashMap<Uuid, String> = branches.with_value(|b| b.iter().map(|b| (b.id, b.code.clone())).collect());
    let codes = StoredValue::new(codes);
    let form = move || screen.editing.get().map(|current| view! { <PartnerForm screen branches current /> });
    let panel = move || {
        let on_close = Callback::new(move |()| panel_of.set(None));
        panel_of.get().map(|panel| match panel {
            Panel::Keys(partner) => view! { <KeysPanel partner on_close /> }.into_any(),
            Panel::Webhooks(partner) => view! { <WebhooksPanel partner on_close /> }.into_any(),
        })
    };
    view! {
        <NewButton screen id="partner-new" label="partners.new" />
        {form}
        {panel}
        <ListTable id="partner-table" caption="partners.title" columns=COLUMNS empty="partners.empty" list
            row=move |p| partner_row(screen, panel_of, codes, p).into_any() />
    }
}

fn partner_row(
    screen: Screen<PartnerDto>,
    panel_of: RwSignal<Option<Panel>>,
    codes: StoredValue<HashMap<Uuid, String>>,
    partner: PartnerDto,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = partner.active;
    let branch =
        codes.with_value(|c| c.get(&partner.branch_id).cloned()).unwrap_or_else(|| partner.branch_id.to_string());
    let contact = [&partner.contact_name, &partner.contact_email, &partner.contact_phone]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" · ");
    let edit_row = partner.clone();
    let keys_row = partner.clone();
    let webhooks_row = partner.clone();
    // The server answers webhook calls only with this permission.
    let webhooks = screen.session.may(Permission::ManageWebhooks);
    view! {
        <tr data-id=partner.id.to_string() data-code=partner.code.clone() class:inactive=!active>
            <td class="code"><bdi>{partner.code.clone()}</bdi></td>
            <td class="name">{partner.name.clone()}</td>
            <td class="kind">{t(kind_key(partner.kind))}</td>
            <td class="branch code"><bdi>{branch}</bdi></td>
            <td class="contact"><bdi>{contact}</bdi></td>
            <td class="status">{move || i18n.text(if active { "common.yes" } else { "common.no" })}</td>
            <td class="actions">
                <button type="button" class="button link settings-edit"
                    on:click=move |_| screen.editing.set(Some(Some(edit_row.clone())))>{t("settings.edit")}</button>
                <button type="button" class="button link partner-keys"
                    on:click=move |_| panel_of.set(Some(Panel::Keys(keys_row.clone())))>{t("partners.keys")}</button>
                {webhooks.then(move || view! {
                    <button type="button" class="button link partner-webhooks"
                        on:click=move |_| panel_of.set(Some(Panel::Webhooks(webhooks_row.clone())))>{t("webhooks.title")}</button>
                })}
            </td>
        </tr>
    }
}
