//! The terms of one policy version as a form: effective date, start basis, grace
//! days, a term per leg, component lines, exclusions, the repair warranty and the
//! warranty of a unit given in exchange. Used
//! by "new policy" and "new version"; the problems of both are shown field by field.

use aftersales_api_types::problem::{FieldError, Problem};
use aftersales_api_types::warranty::{ComponentOverride, ExchangeTerm, Leg, LegTerm, PolicyTerms, StartBasis};
use leptos::prelude::*;

use crate::components::problem::{FieldErrors, names_field};
use crate::i18n::number::latin_digits;
use crate::i18n::{I18n, t, use_i18n};

pub const BASES: [StartBasis; 5] = [
    StartBasis::Sale,
    StartBasis::Delivery,
    StartBasis::Installation,
    StartBasis::Registration,
    StartBasis::Manufacture,
];

pub fn basis_code(basis: StartBasis) -> &'static str {
    match basis {
        StartBasis::Sale => "sale",
        StartBasis::Delivery => "delivery",
        StartBasis::Installation => "installation",
        StartBasis::Registration => "registration",
        StartBasis::Manufacture => "manufacture",
    }
}

pub fn basis_key(basis: StartBasis) -> &'static str {
    match basis {
        StartBasis::Sale => "serials.basis.sale",
        StartBasis::Delivery => "serials.basis.delivery",
        StartBasis::Installation => "serials.basis.installation",
        StartBasis::Registration => "serials.basis.registration",
        StartBasis::Manufacture => "serials.basis.manufacture",
    }
}

/// What a unit given in exchange may get, the default first.
pub const EXCHANGE_TERMS: [ExchangeTerm; 2] = [ExchangeTerm::CarryOver, ExchangeTerm::Fresh];

pub fn exchange_term_code(term: ExchangeTerm) -> &'static str {
    match term {
        ExchangeTerm::CarryOver => "carry_over",
        ExchangeTerm::Fresh => "fresh",
    }
}

/// The catalogue key of an exchange term, in words.
pub fn exchange_term_key(term: ExchangeTerm) -> &'static str {
    match term {
        ExchangeTerm::CarryOver => "warranty.exchange.carry_over",
        ExchangeTerm::Fresh => "warranty.exchange.fresh",
    }
}

pub fn leg_code(leg: Leg) -> &'static str {
    match leg {
        Leg::Parts => "parts",
        Leg::Labour => "labour",
        Leg::Travel => "travel",
    }
}

fn leg_of(code: &str) -> Option<Leg> {
    [Leg::Parts, Leg::Labour, Leg::Travel].into_iter().find(|l| leg_code(*l) == code)
}

/// What is typed into the terms fields, kept as text so nothing is lost on a refusal.
#[derive(Debug, Clone, Copy)]
pub struct TermsDraft {
    pub effective_from: RwSignal<String>,
    pub basis: RwSignal<String>,
    pub grace_days: RwSignal<String>,
    pub parts: RwSignal<String>,
    pub labour: RwSignal<String>,
    pub travel: RwSignal<String>,
    pub overrides: RwSignal<String>,
    pub exclusions: RwSignal<String>,
    pub repair_days: RwSignal<String>,
    pub exchange: RwSignal<String>,
}

impl TermsDraft {
    pub fn new() -> Self {
        Self {
            effective_from: RwSignal::new(String::new()),
            basis: RwSignal::new("sale".to_owned()),
            grace_days: RwSignal::new("0".to_owned()),
            parts: RwSignal::new(String::new()),
            labour: RwSignal::new(String::new()),
            travel: RwSignal::new(String::new()),
            overrides: RwSignal::new(String::new()),
            exclusions: RwSignal::new(String::new()),
            repair_days: RwSignal::new("0".to_owned()),
            exchange: RwSignal::new(exchange_term_code(ExchangeTerm::CarryOver).to_owned()),
        }
    }

    /// The terms, or the field errors (catalogue keys as messages) found here.
    pub fn check(&self, i18n: I18n, errors: &mut Vec<FieldError>) -> Option<PolicyTerms> {
        let mut fail = |field: &str, key: &'static str| {
            errors.push(FieldError::new(field.to_owned(), "invalid".to_owned(), key.to_owned()));
        };
        let effective_from = i18n.parse_date(&self.effective_from.get_untracked());
        if effective_from.is_none() {
            fail("effective_from", "warranty.error.date");
        }
        let basis = BASES.into_iter().find(|b| basis_code(*b) == self.basis.get_untracked());
        let count = |text: String| -> Result<Option<u32>, ()> {
            let text = latin_digits(text.trim());
            if text.is_empty() { Ok(None) } else { text.parse::<u32>().map(Some).map_err(|_| ()) }
        };
        let grace = count(self.grace_days.get_untracked());
        if grace.is_err() {
            fail("manufacture_grace_days", "warranty.error.number");
        }
        let repair = count(self.repair_days.get_untracked());
        if repair.is_err() {
            fail("repair_warranty_days", "warranty.error.number");
        }
        let mut legs = Vec::new();
        let mut legs_ok = true;
        for (leg, text) in [(Leg::Parts, self.parts), (Leg::Labour, self.labour), (Leg::Travel, self.travel)] {
            match count(text.get_untracked()) {
                Ok(Some(months)) => legs.push(LegTerm { leg, months }),
                Ok(None) => {}
                Err(()) => legs_ok = false,
            }
        }
        if !legs_ok {
            fail("legs", "warranty.error.number");
        } else if legs.is_empty() {
            fail("legs", "warranty.error.legs");
        }
        let mut overrides = Vec::new();
        for line in self.overrides.get_untracked().lines().map(str::trim).filter(|l| !l.is_empty()) {
            let words: Vec<String> = latin_digits(line).split_whitespace().map(str::to_owned).collect();
            let parsed = match words.as_slice() {
                [code, leg, months] => leg_of(leg)
                    .zip(months.parse::<u32>().ok())
                    .map(|(leg, months)| ComponentOverride { component_code: code.clone(), leg, months }),
                _ => None,
            };
            match parsed {
                Some(o) => overrides.push(o),
                None => {
                    fail("component_overrides", "warranty.error.override");
                    break;
                }
            }
        }
        let exclusions: Vec<String> = self
            .exclusions
            .get_untracked()
            .split([',', '،', '，', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        let exchange_term = EXCHANGE_TERMS
            .into_iter()
            .find(|e| exchange_term_code(*e) == self.exchange.get_untracked())
            .unwrap_or_default();
        Some(PolicyTerms {
            effective_from: effective_from?,
            start_basis: basis?,
            manufacture_grace_days: grace.ok()?.unwrap_or(0),
            legs: if legs_ok && !legs.is_empty() { legs } else { return None },
            component_overrides: overrides,
            exclusions,
            repair_warranty_days: repair.ok()?.unwrap_or(0),
            exchange_term,
        })
    }
}

/// The server names fields by their path in the request (`terms.legs[0].months`);
/// the form shows them under its own fields (`legs`, `scope`).
pub fn to_form_fields(problem: Problem) -> Problem {
    let errors = problem
        .errors
        .into_iter()
        .map(|mut e| {
            let field = e.field.trim_start_matches("terms.");
            let (base, rest) = field.split_once('[').unwrap_or((field, ""));
            if let Some((index, _)) = rest.split_once(']')
                && let Ok(i) = index.parse::<usize>()
            {
                e.message = format!("#{} {}", i + 1, e.message);
            }
            // `scope.id` is shown under the scope field.
            e.field = base.split('.').next().unwrap_or(base).to_owned();
            e
        })
        .collect();
    Problem { errors, ..problem }
}

/// The fields; `prefix` keeps the ids of two forms on one page apart.
#[component]
pub fn TermsFields(draft: TermsDraft, problem: Signal<Option<Problem>>, prefix: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let invalid = move |field: &'static str| move || problem.with(|p| names_field(p.as_ref(), field)).to_string();
    let id = move |name: &str| format!("{prefix}-{name}");
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let date_hint = move || {
        let example =
            chrono::NaiveDate::from_ymd_opt(2026, 1, 15).map(|d| i18n.date_input_value(d)).unwrap_or_default();
        i18n.format("warranty.date_hint", &[("example", &example)])
    };
    let number = move |name: &'static str, field: &'static str, label: &'static str, value: RwSignal<String>| {
        let input = leak(id(name));
        view! {
            <div class="field">
                <label for=input>{t(label)}</label>
                <input id=input type="text" inputmode="numeric" autocomplete="off" bind:value=value
                    aria-invalid=invalid(field) aria-describedby=format!("{input}-error") />
                <FieldErrors problem field id=input />
            </div>
        }
    };
    let date_id = leak(id("effective-from"));
    let basis_id = leak(id("basis"));
    let legs_id = leak(id("legs"));
    let overrides_id = leak(id("overrides"));
    let exclusions_id = leak(id("exclusions"));
    let exchange_id = leak(id("exchange-term"));
    let basis_options =
        BASES.into_iter().map(|b| view! { <option value=basis_code(b)>{t(basis_key(b))}</option> }).collect_view();
    let exchange_options = EXCHANGE_TERMS
        .into_iter()
        .map(|e| view! { <option value=exchange_term_code(e)>{t(exchange_term_key(e))}</option> })
        .collect_view();
    view! {
        <div class="field">
            <label for=date_id>{t("warranty.effective_from")}</label>
            <input id=date_id type="text" dir="ltr" autocomplete="off" bind:value=draft.effective_from
                aria-invalid=invalid("effective_from") aria-describedby=format!("{date_id}-hint {date_id}-error") />
            <p id=format!("{date_id}-hint") class="hint muted">{date_hint}</p>
            <FieldErrors problem field="effective_from" id=date_id />
        </div>
        <div class="field">
            <label for=basis_id>{t("warranty.start_basis")}</label>
            <select id=basis_id bind:value=draft.basis>{basis_options}</select>
        </div>
        {number("grace", "manufacture_grace_days", "warranty.grace_days", draft.grace_days)}
        <fieldset class="field warranty-legs-fields" aria-describedby=format!("{legs_id}-hint")>
            <legend>{t("warranty.legs")}</legend>
            <p id=format!("{legs_id}-hint") class="hint muted">{t("warranty.legs_hint")}</p>
            {number("parts", "legs-parts", "warranty.parts_months", draft.parts)}
            {number("labour", "legs-labour", "warranty.labour_months", draft.labour)}
            {number("travel", "legs-travel", "warranty.travel_months", draft.travel)}
            <FieldErrors problem field="legs" id=legs_id />
        </fieldset>
        <div class="field">
            <label for=overrides_id>{t("warranty.overrides")}</label>
            <textarea id=overrides_id rows="3" dir="ltr" bind:value=draft.overrides
                aria-invalid=invalid("component_overrides")
                aria-describedby=format!("{overrides_id}-hint {overrides_id}-error")></textarea>
            <p id=format!("{overrides_id}-hint") class="hint muted">{t("warranty.overrides_hint")}</p>
            <FieldErrors problem field="component_overrides" id=overrides_id />
        </div>
        <div class="field">
            <label for=exclusions_id>{t("warranty.exclusions")}</label>
            <input id=exclusions_id type="text" dir="ltr" autocomplete="off" bind:value=draft.exclusions
                aria-invalid=invalid("exclusions") aria-describedby=format!("{exclusions_id}-hint {exclusions_id}-error") />
            <p id=format!("{exclusions_id}-hint") class="hint muted">{t("warranty.exclusions_hint")}</p>
            <FieldErrors problem field="exclusions" id=exclusions_id />
        </div>
        {number("repair-days", "repair_warranty_days", "warranty.repair_days", draft.repair_days)}
        <div class="field">
            <label for=exchange_id>{t("warranty.exchange_term")}</label>
            <select id=exchange_id bind:value=draft.exchange aria-invalid=invalid("exchange_term")
                aria-describedby=format!("{exchange_id}-hint {exchange_id}-error")>
                {exchange_options}
            </select>
            <p id=format!("{exchange_id}-hint") class="hint muted">{t("warranty.exchange_hint")}</p>
            <FieldErrors problem field="exchange_term" id=exchange_id />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use aftersales_api_types::problem::{FieldError, Problem};

    use super::to_form_fields;

    fn field(name: &str) -> FieldError {
        FieldError::new(name.to_owned(), "range".to_owned(), "too many".to_owned())
    }

    #[test]
    fn server_paths_land_on_the_form_fields() {
        let problem = Problem {
            problem_type: "about:blank".to_owned(),
            title: "Invalid".to_owned(),
            status: 422,
            code: "validation_failed".to_owned(),
            detail: None,
            errors: vec![
                field("terms.legs[0].months"),
                field(&["scope", "id"].join(".")),
                field("effective_from"),
                field("exclusions[2]"),
            ],
        };
        let mapped = to_form_fields(problem);
        let fields: Vec<&str> = mapped.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["legs", "scope", "effective_from", "exclusions"]);
        assert_eq!(mapped.errors[0].message, "#1 too many");
        assert_eq!(mapped.errors[3].message, "#3 too many");
        assert_eq!(mapped.errors[1].message, "too many");
    }
}
