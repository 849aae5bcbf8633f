//! `/partners`: repair shops, e-commerce platforms, manufacturers and dealers
//! (`GET /partners`), a form to add or change one, and each partner's API keys.

use std::collections::HashMap;

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

mod form;
mod keys;

use self::form::PartnerForm;
use self::keys::KeysPanel;

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

#[component]
fn PartnersScreen(branches: StoredValue<Vec<BranchDto>>) -> impl IntoView {
    let session = use_session();
    let screen = Screen::<PartnerDto>::new(session);
    let keys_of = RwSignal::new(None::<PartnerDto>);
    let list = LocalResource::new(move || {
        let _ = screen.changes.get();
        api::partners::partners(session)
    });
    let codes: HashMap<Uuid, String> = branches.with_value(|b| b.iter().map(|b| (b.id, b.code.clone())).collect());
    let codes = StoredValue::new(codes);
    let form = move || screen.editing.get().map(|current| view! { <PartnerForm screen branches current /> });
    let panel = move || {
        keys_of.get().map(|partner| view! { <KeysPanel partner on_close=Callback::new(move |()| keys_of.set(None)) /> })
    };
    view! {
        <NewButton screen id="partner-new" label="partners.new" />
        {form}
        {panel}
        <ListTable id="partner-table" caption="partners.title" columns=COLUMNS empty="partners.empty" list
            row=move |p| partner_row(screen, keys_of, codes, p).into_any() />
    }
}

fn partner_row(
    screen: Screen<PartnerDto>,
    keys_of: RwSignal<Option<PartnerDto>>,
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
                    on:click=move |_| keys_of.set(Some(keys_row.clone()))>{t("partners.keys")}</button>
            </td>
        </tr>
    }
}
