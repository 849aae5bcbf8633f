//! What may be done to a unit from its page, each behind a button that opens its
//! form: change the facts, hand it to a new owner, add a contract, record a swap.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::serials::SerialUnitDto;
use leptos::prelude::*;

use super::contract_form::AddContractForm;
use super::edit::EditFacts;
use super::owner::ChangeOwnerForm;
use super::swap_form::RecordSwapForm;
use crate::i18n::t;
use crate::session::use_session;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Panel {
    Facts,
    Owner,
    Contract,
    Swap,
}

#[component]
pub fn UnitActions(unit: SerialUnitDto) -> impl IntoView {
    let session = use_session();
    let open = RwSignal::new(None::<Panel>);
    let close = Callback::new(move |()| open.set(None));
    let customers = move || session.may(Permission::ManageCustomers);
    let warranty = move || session.may(Permission::ManageWarranty);
    let button = move |panel: Panel, id: &'static str, label: &'static str| {
        view! {
            <button id=id type="button" class="button secondary"
                aria-pressed=move || (open.get() == Some(panel)).to_string()
                on:click=move |_| open.update(|o| *o = if *o == Some(panel) { None } else { Some(panel) })>
                {t(label)}
            </button>
        }
    };
    let (unit_id, model_id) = (unit.id, unit.model_id);
    let form = move || {
        let unit = unit.clone();
        match open.get() {
            None => ().into_any(),
            Some(Panel::Facts) => view! { <EditFacts unit on_close=close /> }.into_any(),
            Some(Panel::Owner) => view! { <ChangeOwnerForm unit on_close=close /> }.into_any(),
            Some(Panel::Contract) => view! { <AddContractForm unit_id model_id on_close=close /> }.into_any(),
            Some(Panel::Swap) => view! { <RecordSwapForm unit_id model_id on_close=close /> }.into_any(),
        }
    };
    view! {
        <Show when=move || customers() || warranty()>
            <div class="registry-actions no-print" role="group" aria-label=t("serials.actions")>
                <Show when=customers>
                    {button(Panel::Facts, "serial-edit", "serials.edit")}
                    {button(Panel::Owner, "serial-change-owner", "serials.change_owner")}
                    {button(Panel::Swap, "serial-record-swap", "serials.record_swap")}
                </Show>
                <Show when=warranty>{button(Panel::Contract, "serial-add-contract", "serials.add_contract")}</Show>
            </div>
        </Show>
        {form}
    }
}
