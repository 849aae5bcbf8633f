//! Today's warranty decision for a unit, leg by leg, with the reasons the server
//! gives: on the serial registry, at intake, on the receipt, on the ticket and in a
//! policy's try-it form.

pub mod reasons;

use aftersales_api_types::entitlement::{Decision, LegDecision, WarningCode};
use aftersales_api_types::warranty::Leg;
use leptos::prelude::*;

use self::reasons::{basis_key, leg_reasons};
use crate::api::ApiError;
use crate::components::problem::ProblemView;
use crate::i18n::date::iso_date;
use crate::i18n::{t, use_i18n};

pub fn leg_key(leg: Leg) -> &'static str {
    match leg {
        Leg::Parts => "serials.leg.parts",
        Leg::Labour => "serials.leg.labour",
        Leg::Travel => "serials.leg.travel",
    }
}

fn leg_code(leg: Leg) -> &'static str {
    match leg {
        Leg::Parts => "parts",
        Leg::Labour => "labour",
        Leg::Travel => "travel",
    }
}

fn warning_key(code: WarningCode) -> &'static str {
    match code {
        WarningCode::BasisDateMissing => "serials.warning.basis_date_missing",
        WarningCode::NoStartDate => "serials.warning.no_start_date",
        WarningCode::NoPolicy => "serials.warning.no_policy",
        WarningCode::ClaimBeforeStart => "serials.warning.claim_before_start",
        WarningCode::InconsistentDates => "serials.warning.inconsistent_dates",
    }
}

#[component]
pub fn DecisionView(answer: Result<Decision, ApiError>) -> impl IntoView {
    let decision = match answer {
        Ok(decision) => decision,
        Err(e) => {
            return view! {
                <section id="serial-warranty" class="card">
                    <h3>{t("serials.warranty")}</h3>
                    <ProblemView problem=e.problem />
                </section>
            }
            .into_any();
        }
    };
    let i18n = use_i18n();
    let Decision { fully_covered, legs, policy, start, excluded_by, warnings } = decision;
    let any_covered = legs.iter().any(|l| l.covered);
    let (state, headline) = match (fully_covered, any_covered) {
        (true, _) => ("covered", "serials.covered_full"),
        (false, true) => ("partial", "serials.covered_partly"),
        (false, false) => ("none", "serials.covered_none"),
    };
    let start = start.map(|s| {
        let day = s.date;
        view! {
            <p id="serial-warranty-start">
                {t("serials.warranty_start")} ": " {t(basis_key(s.basis))} " · "
                <time datetime=iso_date(day)>{move || i18n.date(day)}</time>
            </p>
        }
    });
    let policy = policy.map(|p| {
        view! {
            <p id="serial-policy">
                {t("serials.policy")} ": " <bdi>{p.name}</bdi>
            </p>
        }
    });
    let legs = legs.into_iter().map(|leg| view! { <LegRow leg /> }).collect_view();
    let excluded = (!excluded_by.is_empty()).then(|| {
        view! {
            <p id="serial-excluded">
                {t("serials.excluded_by")} ": " <bdi>{excluded_by.join(", ")}</bdi>
            </p>
        }
    });
    let warnings = warnings
        .into_iter()
        .map(|w| view! { <li class="warning" data-code=format!("{:?}", w.code)>{t(warning_key(w.code))}</li> })
        .collect_view();
    view! {
        <section id="serial-warranty" class="card warranty" data-state=state>
            <h3>{t("serials.warranty")}</h3>
            <p id="serial-warranty-headline" class="warranty-headline">
                <span class="status-dot" aria-hidden="true"></span>
                {t(headline)}
            </p>
            {policy}
            {start}
            <ul class="warranty-legs">{legs}</ul>
            {excluded}
            <ul class="warranty-warnings">{warnings}</ul>
        </section>
    }
    .into_any()
}

/// One leg: covered or not, until when, and why in the reader's language.
#[component]
pub fn LegRow(leg: LegDecision) -> impl IntoView {
    let i18n = use_i18n();
    let (code, covered, expires_on) = (leg.leg, leg.covered, leg.expires_on);
    let reasons =
        move || leg_reasons(&i18n, &leg).into_iter().map(|r| view! { <li dir="auto">{r}</li> }).collect_view();
    let leg = code;
    let verdict = if covered { "serials.leg_covered" } else { "serials.leg_not_covered" };
    let until = expires_on.map(|day| {
        let label = if covered { "serials.until" } else { "serials.ended" };
        view! {
            " · " {t(label)} " "
            <time datetime=iso_date(day)>{move || i18n.date(day)}</time>
        }
    });
    view! {
        <li class="warranty-leg" class:covered=covered data-leg=leg_code(leg)>
            <strong>{t(leg_key(leg))}</strong>
            ": "
            {t(verdict)}
            {until}
            <ul class="warranty-reasons muted">{reasons}</ul>
        </li>
    }
}
