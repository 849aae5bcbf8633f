//! Packing a shipment: the user picks the defective-parts warehouse and the
//! manufacturer, ticks the old parts waiting there, and packs them. Nothing moves
//! until it is shipped. A refusal stands beside the field it names.

use std::collections::{BTreeSet, HashSet};

use aftersales_api_types::defective_parts::DefectivePartDto;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::rtv::CreateRtvShipment;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use super::Names;
use crate::api::{self, ApiError};
use crate::components::problem::{FieldErrors, ProblemView, browser_problem, names_field, without_fields};
use crate::components::toast::use_toasts;
use crate::i18n::{t, use_i18n};

/// The server names a refused part by its place (`defective_part_ids[2]`); the
/// form shows every such refusal under the list of parts.
fn under_the_list(mut problem: Problem) -> Problem {
    for e in &mut problem.errors {
        if e.field.starts_with("defective_part_ids[") {
            e.field = "defective_part_ids".to_owned();
        }
    }
    problem
}

#[component]
pub fn DraftShipment(names: Names) -> impl IntoView {
    let session = names.session;
    let i18n = use_i18n();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let waiting = LocalResource::new(move || async move {
        let parts = api::defective_parts::handed_in(session).await?;
        Ok::<_, ApiError>(parts.into_iter().filter(|p| p.rtv_shipment_id.is_none()).collect::<Vec<_>>())
    });
    let warehouse = RwSignal::new(String::new());
    let brand = RwSignal::new(String::new());
    let ticked = RwSignal::new(HashSet::<Uuid>::new());
    let note = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let all: Memo<Vec<DefectivePartDto>> =
        Memo::new(move |_| waiting.get().and_then(|r| r.as_ref().ok().cloned()).unwrap_or_default());
    let in_warehouse = move |p: &DefectivePartDto| {
        Some(p.received_warehouse_id.unwrap_or_default().to_string()) == Some(warehouse.get())
    };
    // The manufacturers with parts waiting in the chosen warehouse.
    let brands = Memo::new(move |_| {
        let ids: BTreeSet<Uuid> = all.get().iter().filter(|p| in_warehouse(p)).map(|p| p.brand_id).collect();
        let mut list: Vec<(Uuid, String)> = ids.into_iter().map(|b| (b, names.brand(b))).collect();
        list.sort_by(|a, b| a.1.cmp(&b.1));
        list
    });
    let candidates = Memo::new(move |_| {
        let brand = brand.get();
        all.get().into_iter().filter(|p| in_warehouse(p) && p.brand_id.to_string() == brand).collect::<Vec<_>>()
    });
    // One warehouse with parts waiting, or one manufacturer there, is chosen already.
    Effect::new(move |_| {
        let with_parts: BTreeSet<Uuid> = all.get().iter().filter_map(|p| p.received_warehouse_id).collect();
        if warehouse.get_untracked().is_empty() && with_parts.len() == 1 {
            warehouse.set(with_parts.first().map(Uuid::to_string).unwrap_or_default());
        }
    });
    Effect::new(move |_| {
        let choices = brands.get();
        if !choices.iter().any(|(b, _)| b.to_string() == brand.get_untracked()) {
            brand.set(if choices.len() == 1 { choices[0].0.to_string() } else { String::new() });
        }
    });
    let create = Action::new_local(move |request: &CreateRtvShipment| {
        let request = request.clone();
        let navigate = navigate.clone();
        async move {
            match api::rtv::create(session, &request).await {
                Ok(shipment) => {
                    toasts.show(i18n.text("rtv.created_note"));
                    navigate(&format!("/rtv-shipments/{}", shipment.id), NavigateOptions::default());
                }
                Err(e) => {
                    problem.try_set(Some(under_the_list(e.problem)));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut refused = Vec::new();
        let warehouse_id = Uuid::parse_str(&warehouse.get_untracked()).ok();
        let brand_id = Uuid::parse_str(&brand.get_untracked()).ok();
        if warehouse_id.is_none() {
            refused.push(("warehouse_id", "rtv.error.warehouse"));
        }
        if brand_id.is_none() {
            refused.push(("brand_id", "rtv.error.brand"));
        }
        let shown: Vec<Uuid> = candidates.get_untracked().iter().map(|p| p.id).collect();
        let chosen: Vec<Uuid> = ticked.with_untracked(|t| shown.into_iter().filter(|id| t.contains(id)).collect());
        if chosen.is_empty() {
            refused.push(("defective_part_ids", "rtv.error.parts"));
        }
        let (Some(warehouse_id), Some(brand_id), false) = (warehouse_id, brand_id, chosen.is_empty()) else {
            return problem.set(Some(browser_problem(&refused)));
        };
        let text = note.get_untracked().trim().to_owned();
        problem.set(None);
        create.dispatch_local(CreateRtvShipment {
            warehouse_id,
            brand_id,
            defective_part_ids: chosen,
            note: (!text.is_empty()).then_some(text),
        });
    };
    let problem_signal: Signal<Option<Problem>> = problem.into();
    let invalid = move |field: &'static str| move || names_field(problem.get().as_ref(), field).to_string();
    let whole = move || {
        problem.get().filter(|p| p.errors.is_empty()).map(|p| {
            view! { <div id="rtv-create-problem" class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div> }
        })
    };
    let parts = move || {
        if warehouse.get().is_empty() || brand.get().is_empty() {
            let key = if all.with(Vec::is_empty) { "rtv.none_handed_in" } else { "rtv.pick_first" };
            return view! { <p class="muted" id="rtv-parts-hint">{t(key)}</p> }.into_any();
        }
        let list = candidates.get();
        if list.is_empty() {
            return view! { <p class="muted" id="rtv-parts-hint">{t("rtv.nothing_waiting")}</p> }.into_any();
        }
        list.into_iter()
            .map(|p| {
                let id = p.id;
                let label = i18n.format("rtv.select_part", &[("sku", &p.part_sku), ("ticket", &p.ticket_number)]);
                view! {
                    <label class="rtv-part" data-ticket=p.ticket_number.clone()>
                        <input type="checkbox" aria-label=label prop:checked=move || ticked.with(|t| t.contains(&id))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                ticked.update(|t| { if on { t.insert(id); } else { t.remove(&id); } });
                            } />
                        <span>
                            <bdi dir="ltr" class="code">{p.part_sku.clone()}</bdi>" "{p.part_name.clone()}
                            " · "<bdi dir="ltr">{p.ticket_number.clone()}</bdi>" · "{p.technician_name.clone()}
                        </span>
                    </label>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <form id="rtv-create" class="card rtv-create" on:submit=submit novalidate>
            <h2>{t("rtv.new_title")}</h2>
            <p class="muted">{t("rtv.new_hint")}</p>
            {whole}
            <div class="form-row">
                <div class="field">
                    <label for="rtv-warehouse">{t("rtv.warehouse")}</label>
                    <select id="rtv-warehouse" bind:value=warehouse aria-describedby="rtv-warehouse-error" aria-invalid=invalid("warehouse_id")>
                        <option value="">{t("rtv.choose_warehouse")}</option>
                        {names.warehouses.defective().into_iter().map(|(id, code, label)| view! { <option value=id.to_string() data-code=code>{label}</option> }).collect_view()}
                    </select>
                    <FieldErrors problem=problem_signal field="warehouse_id" id="rtv-warehouse" />
                </div>
                <div class="field">
                    <label for="rtv-brand">{t("rtv.brand")}</label>
                    <select id="rtv-brand" bind:value=brand aria-describedby="rtv-brand-error" aria-invalid=invalid("brand_id")>
                        <option value="">{t("rtv.choose_brand")}</option>
                        {move || brands.get().into_iter().map(|(id, name)| {
                            let value = id.to_string();
                            view! { <option value=value.clone() selected=move || brand.get() == value>{name}</option> }
                        }).collect_view()}
                    </select>
                    <FieldErrors problem=problem_signal field="brand_id" id="rtv-brand" />
                </div>
            </div>
            <fieldset id="rtv-parts" class="rtv-parts" aria-describedby="rtv-parts-error" aria-invalid=invalid("defective_part_ids")>
                <legend>{t("rtv.parts")}</legend>
                {move || match waiting.get() {
                    None => view! { <p class="muted">{t("table.loading")}</p> }.into_any(),
                    Some(Err(e)) => view! { <ProblemView problem=e.problem /> }.into_any(),
                    Some(Ok(_)) => parts().into_any(),
                }}
                <FieldErrors problem=problem_signal field="defective_part_ids" id="rtv-parts" />
            </fieldset>
            <div class="field">
                <label for="rtv-note">{t("rtv.note")}</label>
                <input id="rtv-note" type="text" maxlength="1000" autocomplete="off" bind:value=note />
                <FieldErrors problem=problem_signal field="note" id="rtv-note" />
            </div>
            <button id="rtv-create-submit" type="submit" class="button primary" disabled=move || create.pending().get()>
                {t("rtv.create")}
            </button>
        </form>
    }
}
