//! Handing an old part in (into a defective-parts warehouse the user picks) and
//! scrapping one handed in (with the reason), in a panel above the list. The
//! answer replaces the row; a refusal stands beside the field it names.

use aftersales_api_types::defective_parts::{DefectivePartDto, ReceiveDefectivePart};
use aftersales_api_types::problem::Problem;
use aftersales_api_types::rtv::ScrapDefectivePart;
use leptos::prelude::*;
use uuid::Uuid;

use super::OldParts;
use crate::api::{self, ApiError};
use crate::components::problem::{FieldErrors, ProblemView, browser_problem, names_field, without_fields};
use crate::components::toast::use_toasts;
use crate::i18n::{t, use_i18n};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    HandIn,
    Scrap,
}

/// The action being prepared, and for which part (as the list showed it).
#[derive(Debug, Clone, PartialEq)]
pub struct Acting {
    pub kind: Kind,
    pub part: DefectivePartDto,
}

/// What is sent.
#[derive(Debug, Clone)]
enum Request {
    HandIn(Uuid, ReceiveDefectivePart),
    Scrap(Uuid, ScrapDefectivePart),
}

#[component]
pub fn ActionPanel(page: OldParts) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let session = page.session;
    let problem = RwSignal::new(None::<Problem>);
    let warehouse = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let act = Action::new_local(move |request: &Request| {
        let request = request.clone();
        async move {
            let (answer, done): (Result<DefectivePartDto, ApiError>, &'static str) = match &request {
                Request::HandIn(id, body) => (
                    api::defective_parts::receive(session, *id, body).await.map(|r| r.defective_part),
                    "old_parts.handed_in_note",
                ),
                Request::Scrap(id, body) => (
                    api::defective_parts::scrap(session, *id, body).await.map(|r| r.defective_part),
                    "old_parts.scrapped_note",
                ),
            };
            match answer {
                Ok(part) => {
                    page.changed.try_update(|c| c.insert(part.id, part));
                    page.acting.try_set(None);
                    page.changes.try_update(|n| *n += 1);
                    reason.try_set(String::new());
                    toasts.show(i18n.text(done));
                }
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });
    // A fresh form for each part; the only defective-parts warehouse is chosen already.
    Effect::new(move |_| {
        if page.acting.with(Option::is_some) {
            problem.set(None);
            reason.set(String::new());
            let choices = page.warehouses.defective();
            warehouse.set(if choices.len() == 1 { choices[0].0.to_string() } else { String::new() });
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(acting) = page.acting.get_untracked() else { return };
        let request = match acting.kind {
            Kind::HandIn => match Uuid::parse_str(&warehouse.get_untracked()) {
                Ok(warehouse_id) => Request::HandIn(acting.part.id, ReceiveDefectivePart { warehouse_id }),
                Err(_) => return problem.set(Some(browser_problem(&[("warehouse_id", "old_parts.error.warehouse")]))),
            },
            Kind::Scrap => match reason.get_untracked().trim() {
                "" => return problem.set(Some(browser_problem(&[("reason", "old_parts.error.reason")]))),
                text => Request::Scrap(acting.part.id, ScrapDefectivePart { reason: text.to_owned() }),
            },
        };
        problem.set(None);
        act.dispatch_local(request);
    };
    let problem_signal: Signal<Option<Problem>> = problem.into();
    let busy = move || act.pending().get();
    let form = move || {
        let acting = page.acting.get()?;
        let part = acting.part;
        let title = match acting.kind {
            Kind::HandIn => t("old_parts.hand_in_title"),
            Kind::Scrap => t("old_parts.scrap_title"),
        };
        let field = match acting.kind {
            Kind::HandIn => {
                let choices = page.warehouses.defective();
                view! {
                    <div class="field">
                        <label for="old-part-warehouse">{t("old_parts.into_warehouse")}</label>
                        <select id="old-part-warehouse" bind:value=warehouse aria-describedby="old-part-warehouse-error"
                            aria-invalid=move || names_field(problem.get().as_ref(), "warehouse_id").to_string()>
                            <option value="">{t("old_parts.choose_warehouse")}</option>
                            {choices.into_iter().map(|(id, code, label)| view! { <option value=id.to_string() data-code=code>{label}</option> }).collect_view()}
                        </select>
                        <FieldErrors problem=problem_signal field="warehouse_id" id="old-part-warehouse" />
                    </div>
                }
                .into_any()
            }
            Kind::Scrap => view! {
                <div class="field">
                    <label for="old-part-reason">{t("old_parts.reason")}</label>
                    <textarea id="old-part-reason" rows="2" maxlength="500" bind:value=reason aria-describedby="old-part-reason-error"
                        aria-invalid=move || names_field(problem.get().as_ref(), "reason").to_string()></textarea>
                    <FieldErrors problem=problem_signal field="reason" id="old-part-reason" />
                </div>
            }
            .into_any(),
        };
        let whole = move || {
            problem.get().filter(|p| p.errors.is_empty() || p.status != 422).map(|p| {
                view! { <div id="old-part-problem" class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div> }
            })
        };
        Some(view! {
            <form id="old-part-action" class="card old-part-action" data-kind=format!("{:?}", acting.kind) on:submit=submit novalidate>
                <h2>{title}</h2>
                <p class="what">
                    <bdi dir="ltr">{part.part_sku.clone()}</bdi>" "{part.part_name.clone()}
                    " · "<bdi dir="ltr">{part.ticket_number.clone()}</bdi>" · "{part.technician_name.clone()}
                </p>
                {whole}
                {field}
                <div class="actions">
                    <button id="old-part-confirm" type="submit" class="button primary" disabled=busy>
                        {match acting.kind { Kind::HandIn => t("old_parts.hand_in"), Kind::Scrap => t("old_parts.scrap") }}
                    </button>
                    <button id="old-part-cancel" type="button" class="button secondary" on:click=move |_| page.acting.set(None)>
                        {t("old_parts.cancel")}
                    </button>
                </div>
            </form>
        })
    };
    view! { <div id="old-part-action-area">{form}</div> }
}
