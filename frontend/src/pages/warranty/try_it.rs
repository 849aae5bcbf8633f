//! "Try it": asks the server (`POST /warranty/evaluate`, nothing stored) whether a
//! repair would be covered, for a registered serial or for a model and its purchase
//! date, and shows the decision leg by leg with the server's reasons.

use aftersales_api_types::entitlement::{ClaimFacts, Decision, EvaluateRequest, UnitFacts};
use aftersales_api_types::problem::{FieldError, Problem};
use aftersales_api_types::warranty::{PolicyDto, ScopeKind};
use leptos::prelude::*;
use uuid::Uuid;

use super::Catalogue;
use super::terms::to_form_fields;
use crate::api::{self, ApiError};
use crate::components::problem::{FieldErrors, ProblemView, browser_problem_of, names_field, without_fields};
use crate::components::warranty_decision::DecisionView;
use crate::i18n::date::today;
use crate::i18n::{I18n, t, use_i18n};
use crate::session::Session;

#[derive(Debug, Clone)]
struct Typed {
    serial: String,
    model: String,
    sale: String,
    claim: String,
    component: String,
    conditions: String,
}

#[component]
pub fn TryIt(session: Session, catalogue: StoredValue<Catalogue>, policy: StoredValue<PolicyDto>) -> impl IntoView {
    let i18n = use_i18n();
    let models = catalogue.with_value(|c| {
        let scope = policy.with_value(|p| p.scope);
        c.models
            .iter()
            .filter(|m| match scope.kind {
                ScopeKind::Brand => m.brand_id == scope.id,
                ScopeKind::Category => m.category_id == scope.id,
                ScopeKind::Model => m.id == scope.id,
            })
            .map(|m| (m.id, format!("{} — {}", m.sku, m.name), m.sku.clone()))
            .collect::<Vec<_>>()
    });
    let serial = RwSignal::new(String::new());
    let model = RwSignal::new(models.first().map(|m| m.0.to_string()).unwrap_or_default());
    let sale = RwSignal::new(String::new());
    let claim = RwSignal::new(i18n.date_input_value(today()));
    let component = RwSignal::new(String::new());
    let conditions = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let decision = RwSignal::new(None::<Result<Decision, ApiError>>);

    let ask = Action::new_local(move |typed: &Typed| {
        let typed = typed.clone();
        async move {
            match request(session, i18n, &typed).await {
                Ok(request) => match api::reference::evaluate(session, &request).await {
                    Ok(answer) => {
                        decision.try_set(Some(Ok(answer)));
                    }
                    Err(e) if e.problem.status == 422 => {
                        decision.try_set(None);
                        problem.try_set(Some(to_form_fields(e.problem)));
                    }
                    Err(e) => {
                        decision.try_set(Some(Err(e)));
                    }
                },
                Err(found) => {
                    decision.try_set(None);
                    problem.try_set(Some(found));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problem.set(None);
        ask.dispatch_local(Typed {
            serial: serial.get_untracked(),
            model: model.get_untracked(),
            sale: sale.get_untracked(),
            claim: claim.get_untracked(),
            component: component.get_untracked(),
            conditions: conditions.get_untracked(),
        });
    };
    let problem_signal: Signal<Option<Problem>> = problem.into();
    let invalid = move |field: &'static str| move || problem.with(|p| names_field(p.as_ref(), field)).to_string();
    let options = models
        .into_iter()
        .map(|(id, label, sku)| view! { <option value=id.to_string() data-sku=sku>{label}</option> })
        .collect_view();
    let date_hint = move || {
        let example =
            chrono::NaiveDate::from_ymd_opt(2026, 1, 15).map(|d| i18n.date_input_value(d)).unwrap_or_default();
        i18n.format("warranty.date_hint", &[("example", &example)])
    };
    let form_problem = move || {
        problem.get().map(|p| view! { <div id="try-problem" class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div> })
    };
    view! {
        <form id="try-form" class="card warranty-form" on:submit=submit novalidate>
            <h2 id="try-title">{t("warranty.try_title")}</h2>
            <p class="hint muted">{t("warranty.try_hint")}</p>
            {form_problem}
            <div class="field">
                <label for="try-serial">{t("warranty.serial")}</label>
                <input id="try-serial" type="text" dir="ltr" autocomplete="off" bind:value=serial
                    aria-invalid=invalid("serial_id") aria-describedby="try-serial-error" />
                <FieldErrors problem=problem_signal field="serial_id" id="try-serial" />
            </div>
            <div class="field">
                <label for="try-model">{t("warranty.model")}</label>
                <select id="try-model" bind:value=model aria-invalid=invalid("unit") aria-describedby="try-model-error">
                    {options}
                </select>
                <FieldErrors problem=problem_signal field="unit" id="try-model" />
            </div>
            <div class="field">
                <label for="try-sale">{t("warranty.sale_date")}</label>
                <input id="try-sale" type="text" dir="ltr" autocomplete="off" bind:value=sale
                    aria-invalid=invalid("sale_date") aria-describedby="try-date-hint try-sale-error" />
                <FieldErrors problem=problem_signal field="sale_date" id="try-sale" />
            </div>
            <div class="field">
                <label for="try-claim">{t("warranty.claim_date")}</label>
                <input id="try-claim" type="text" dir="ltr" autocomplete="off" bind:value=claim
                    aria-invalid=invalid("claim") aria-describedby="try-date-hint try-claim-error" />
                <FieldErrors problem=problem_signal field="claim" id="try-claim" />
            </div>
            <p id="try-date-hint" class="hint muted">{date_hint}</p>
            <div class="field">
                <label for="try-component">{t("warranty.component")}</label>
                <input id="try-component" type="text" dir="ltr" autocomplete="off" bind:value=component />
            </div>
            <div class="field">
                <label for="try-conditions">{t("warranty.conditions")}</label>
                <input id="try-conditions" type="text" dir="ltr" autocomplete="off" bind:value=conditions
                    aria-describedby="try-conditions-hint" />
                <p id="try-conditions-hint" class="hint muted">{t("warranty.conditions_hint")}</p>
            </div>
            <button id="try-submit" type="submit" class="button primary" disabled=move || ask.pending().get()>
                {move || i18n.text(if ask.pending().get() { "warranty.asking" } else { "warranty.try" })}
            </button>
        </form>
        <div id="try-result" aria-live="polite">
            {move || decision.get().map(|answer| view! { <DecisionView answer /> })}
        </div>
    }
}

/// The request for what was typed: a registered unit when a serial is given, else
/// the chosen model sold on the typed day.
async fn request(session: Session, i18n: I18n, typed: &Typed) -> Result<EvaluateRequest, Problem> {
    let mut errors = Vec::new();
    let mut fail = |field: &str, key: &'static str| {
        errors.push(FieldError::new(field.to_owned(), "invalid".to_owned(), key.to_owned()));
    };
    let claim = i18n.parse_date(&typed.claim);
    if claim.is_none() {
        fail("claim", "warranty.error.date");
    }
    let serial = typed.serial.trim();
    let (unit, serial_id) = if serial.is_empty() {
        let model = Uuid::parse_str(&typed.model).ok();
        if model.is_none() {
            fail("unit", "warranty.error.model");
        }
        let sale = i18n.parse_date(&typed.sale);
        if sale.is_none() {
            fail("sale_date", "warranty.error.date");
        }
        let unit = model.map(|model_id| UnitFacts {
            model_id,
            manufacture_date: None,
            sale_date: sale,
            delivery_date: None,
            installation_date: None,
            registration_date: None,
        });
        (unit, None)
    } else {
        match api::serials::history(session, serial).await {
            Ok(units) if !units.is_empty() => (None, units.first().map(|h| h.unit.id)),
            _ => {
                fail("serial_id", "warranty.error.serial");
                (None, None)
            }
        }
    };
    let Some(date) = claim else { return Err(browser_problem_of(errors)) };
    if !errors.is_empty() {
        return Err(browser_problem_of(errors));
    }
    let component = typed.component.trim();
    Ok(EvaluateRequest {
        unit,
        serial_id,
        claim: ClaimFacts {
            date,
            component_code: (!component.is_empty()).then(|| component.to_owned()),
            conditions: typed
                .conditions
                .split([',', '،', '，'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        },
        contracts: Vec::new(),
        prior_repairs: Vec::new(),
    })
}
