//! `/tickets/new`: the intake wizard. One page, seven numbered steps: find the unit,
//! its warranty decision, the customer (the unit's owner by default), the ticket's
//! kind and faults, what came in with the unit, how the request reached us, and
//! creating the ticket. A refused
//! create shows the server's reasons next to the fields and keeps everything typed;
//! a created ticket opens its receipt (`/tickets/:id/receipt`).

mod customer;
mod details;
mod receipt;
mod request;
mod unit;

use aftersales_api_types::customers::CustomerDto;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::serials::SerialUnitDto;
use aftersales_api_types::tickets::{CreateTicket, TicketKind, UnitRef};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use self::customer::CustomerStep;
use self::details::{AccessoriesStep, FaultsStep};
pub use self::receipt::ReceiptPage;
use self::request::{Request, RequestStep};
use self::unit::{UnitStep, WarrantyStep};
use crate::api;
use crate::components::problem::{FieldErrors, ProblemView, browser_problem, without_fields};
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

/// Everything the wizard has gathered so far.
#[derive(Clone, Copy)]
pub struct Draft {
    pub unit: RwSignal<Option<SerialUnitDto>>,
    /// The clerk goes on without a registered unit.
    pub no_unit: RwSignal<bool>,
    /// The model of a unit not in the registry.
    pub model: RwSignal<Option<uuid::Uuid>>,
    pub customer: RwSignal<Option<CustomerDto>>,
    pub kind: RwSignal<TicketKind>,
    pub faults: RwSignal<Vec<String>>,
    pub description: RwSignal<String>,
    pub accessories: RwSignal<String>,
    pub condition: RwSignal<String>,
    pub request: Request,
    /// The last refusal of the create.
    pub problem: RwSignal<Option<Problem>>,
}

impl Draft {
    fn new() -> Self {
        Self {
            unit: RwSignal::new(None),
            no_unit: RwSignal::new(false),
            model: RwSignal::new(None),
            customer: RwSignal::new(None),
            kind: RwSignal::new(TicketKind::Repair),
            faults: RwSignal::new(Vec::new()),
            description: RwSignal::new(String::new()),
            accessories: RwSignal::new(String::new()),
            condition: RwSignal::new(String::new()),
            request: Request::new(),
            problem: RwSignal::new(None),
        }
    }

    /// The problem as a signal, for [`FieldErrors`].
    pub fn problem_signal(self) -> Signal<Option<Problem>> {
        let problem = self.problem;
        Signal::derive(move || problem.get())
    }

    /// Whether step 1 is settled (a unit chosen, or none on purpose).
    pub fn unit_settled(self) -> bool {
        self.unit.with(Option::is_some) || self.no_unit.get()
    }
}

/// Accessories typed one per line or separated by commas.
fn accessory_list(text: &str) -> Vec<String> {
    text.split([',', '،', '，', '\n']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

fn optional(text: String) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

#[component]
pub fn IntakePage() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let draft = Draft::new();
    let navigate = use_navigate();
    let (busy, set_busy) = signal(false);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(user) = session.user() else { return };
        let request = draft.request;
        let Ok(window) = request.window(i18n) else {
            draft.problem.set(Some(browser_problem(&[("requested_to", "intake.error.window")])));
            return;
        };
        let body = CreateTicket {
            branch_id: user.branch_id,
            kind: draft.kind.get_untracked(),
            channel: request.channel.get_untracked(),
            origin: Some(request.origin.get_untracked()),
            priority: Some(request.priority.get_untracked()),
            customer_id: draft.customer.with_untracked(|c| c.as_ref().map(|c| c.id)),
            new_customer: None,
            unit: draft.unit.with_untracked(|u| {
                u.as_ref().map(|u| UnitRef {
                    serial_id: Some(u.id),
                    serial: None,
                    brand_id: None,
                    warranty_card: None,
                    sale_document: None,
                    barcode: None,
                })
            }),
            // Only for a unit not in the registry.
            model_id: if draft.no_unit.get_untracked() { draft.model.get_untracked() } else { None },
            external_reference: optional(request.external_reference.get_untracked()),
            fault_codes: draft.faults.get_untracked(),
            fault_description: optional(draft.description.get_untracked()),
            claim_conditions: Vec::new(),
            accessories: accessory_list(&draft.accessories.get_untracked()),
            condition_notes: optional(draft.condition.get_untracked()),
            requested_from: window.map(|(from, _)| from),
            requested_to: window.map(|(_, to)| to),
            expected_on: None,
        };
        set_busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::intake::create_ticket(session, &body).await {
                Ok(ticket) => {
                    draft.problem.set(None);
                    navigate(&format!("/tickets/{}/receipt", ticket.id), Default::default());
                }
                Err(e) => draft.problem.set(Some(e.problem)),
            }
            set_busy.set(false);
        });
    };
    let problem = draft.problem_signal();
    view! {
        <section class="page intake-page">
            <h1 id="intake-title">{t("intake.title")}</h1>
            <ol class="intake-steps">
                <UnitStep draft />
                <WarrantyStep draft />
                <CustomerStep draft />
                <FaultsStep draft />
                <AccessoriesStep draft />
                <RequestStep draft />
                <li class="card intake-step" aria-labelledby="intake-step6">
                    <h2 id="intake-step6">{t("intake.step.create")}</h2>
                    <form id="intake-create-form" on:submit=create novalidate>
                        {move || {
                            problem
                                .get()
                                .map(|p| {
                                    view! {
                                        <div id="intake-problem" class="alert" role="alert">
                                            <ProblemView problem=without_fields(&p) />
                                        </div>
                                    }
                                })
                        }}
                        <FieldErrors problem field="branch_id" id="intake-branch" />
                        <FieldErrors problem field="kind" id="intake-kind-create" />
                        <button id="intake-create" type="submit" class="button primary" disabled=move || busy.get()>
                            {move || if busy.get() { t("intake.creating")() } else { t("intake.create")() }}
                        </button>
                    </form>
                </li>
            </ol>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::accessory_list;

    #[test]
    fn accessories_split_on_commas_of_every_script_and_lines() {
        assert_eq!(accessory_list("remote, box\ncable，manual، bag , "), ["remote", "box", "cable", "manual", "bag"]);
    }
}
