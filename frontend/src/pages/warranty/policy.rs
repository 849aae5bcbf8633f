//! `/warranty-policies/:id`: one policy, every version (what changed when), the
//! form to publish new terms (managers), and the "try it" panel.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::warranty::{PolicyDto, PolicyVersionDto};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::terms::{
    TermsDraft, TermsFields, basis_key, exchange_term_code, exchange_term_key, leg_code, to_form_fields,
};
use super::try_it::TryIt;
use super::{Catalogue, day_view, scope_kind_key, status};
use crate::api::{self, ApiError};
use crate::components::problem::{ErrorsView, ProblemView, browser_problem_of, without_fields};
use crate::components::warranty_decision::leg_key;
use crate::i18n::date::today;
use crate::i18n::{t, use_i18n};
use crate::session::{Session, use_session};
use crate::tr;

#[component]
pub fn PolicyPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|s| Uuid::parse_str(&s).ok()));
    let changes = RwSignal::new(0u32);
    let catalogue = LocalResource::new(move || Catalogue::load(session));
    let policy = LocalResource::new(move || {
        let _ = changes.get();
        let id = id.get();
        async move {
            match id {
                Some(id) => api::warranty::policy(session, id).await,
                None => Err(ApiError { problem: not_found() }),
            }
        }
    });
    view! {
        <section class="page warranty-page">
            <p><a id="warranty-back" href="/warranty-policies">{t("warranty.back")}</a></p>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move {
                        let catalogue = catalogue.await?;
                        let policy = policy.await?;
                        Ok::<_, ApiError>(view! { <PolicyView session catalogue policy changes /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

fn not_found() -> Problem {
    Problem {
        problem_type: "about:blank".to_owned(),
        title: "Not found".to_owned(),
        status: 404,
        code: "not_found".to_owned(),
        detail: None,
        errors: Vec::new(),
    }
}

#[component]
fn PolicyView(session: Session, catalogue: Catalogue, policy: PolicyDto, changes: RwSignal<u32>) -> impl IntoView {
    let scope = catalogue.scope_name(&policy.scope);
    let kind = policy.scope.kind;
    let id = policy.id;
    let name = policy.name.clone();
    let versions =
        policy.versions.iter().rev().cloned().map(|version| view! { <VersionCard version /> }).collect_view();
    let catalogue = StoredValue::new(catalogue);
    view! {
        <h1 id="policy-title"><bdi>{name}</bdi></h1>
        <p id="policy-scope">{t("warranty.scope")} ": " {t(scope_kind_key(kind))} " · " <bdi>{scope}</bdi></p>
        <h2 id="versions-title">{t("warranty.versions")}</h2>
        <div id="policy-versions" class="warranty-versions">{versions}</div>
        <Show when=move || session.may(Permission::ManageWarranty)>
            <VersionForm session id changes />
        </Show>
        <TryIt session catalogue policy=StoredValue::new(policy.clone()) />
    }
}

/// One version: when it applies and its terms.
#[component]
fn VersionCard(version: PolicyVersionDto) -> impl IntoView {
    let i18n = use_i18n();
    let (state, key) = status(&version, today());
    let PolicyVersionDto { version: number, effective_to, terms } = version;
    let legs = terms
        .legs
        .iter()
        .map(|l| {
            let months = l.months;
            view! {
                <li data-leg=leg_code(l.leg)>
                    {t(leg_key(l.leg))} ": " {tr!("warranty.months", months = i18n.number(i64::from(months)))}
                </li>
            }
        })
        .collect_view();
    let overrides = terms
        .component_overrides
        .iter()
        .map(|o| {
            let months = o.months;
            let code = o.component_code.clone();
            view! {
                <li>
                    <bdi>{code}</bdi> " · " {t(leg_key(o.leg))} ": "
                    {tr!("warranty.months", months = i18n.number(i64::from(months)))}
                </li>
            }
        })
        .collect_view();
    let exclusions = (!terms.exclusions.is_empty()).then(|| {
        let list = terms.exclusions.join(", ");
        view! { <p>{t("warranty.exclusions")} ": " <bdi>{list}</bdi></p> }
    });
    let grace = terms.manufacture_grace_days;
    let repair = terms.repair_warranty_days;
    let exchange = terms.exchange_term;
    view! {
        <article class="card warranty-version" data-version=number data-state=state>
            <h3>
                {tr!("warranty.version", number = i18n.number(i64::from(number)))} " · "
                <span class="status" data-state=state>{t(key)}</span>
            </h3>
            <p class="version-dates">
                {t("warranty.from")} " " {day_view(i18n, terms.effective_from)}
                {effective_to.map(|to| view! { " · " {t("warranty.until_before")} " " {day_view(i18n, to)} })}
            </p>
            <p>{t("warranty.start_basis")} ": " {t(basis_key(terms.start_basis))}</p>
            <ul class="version-legs">{legs}</ul>
            {(!terms.component_overrides.is_empty()).then(|| view! {
                <p>{t("warranty.overrides")} ":"</p>
                <ul class="version-overrides">{overrides}</ul>
            })}
            {exclusions}
            <p class="version-exchange" data-exchange-term=exchange_term_code(exchange)>
                {t("warranty.exchange_term")} ": " {t(exchange_term_key(exchange))}
            </p>
            <p class="muted">
                {tr!("warranty.grace_and_repair", grace = i18n.number(i64::from(grace)), repair = i18n.number(i64::from(repair)))}
            </p>
        </article>
    }
}

/// "New version": terms that apply to units sold from a later date.
#[component]
fn VersionForm(session: Session, id: Uuid, changes: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let draft = TermsDraft::new();
    let problem = RwSignal::new(None::<Problem>);
    let publish = Action::new_local(move |terms: &aftersales_api_types::warranty::PolicyTerms| {
        let terms = terms.clone();
        async move {
            match api::warranty::add_version(session, id, &terms).await {
                Ok(_) => {
                    changes.try_update(|n| *n += 1);
                }
                Err(e) => {
                    problem.try_set(Some(to_form_fields(e.problem)));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut errors = Vec::new();
        match (draft.check(i18n, &mut errors), errors.is_empty()) {
            (Some(terms), true) => {
                problem.set(None);
                publish.dispatch_local(terms);
            }
            _ => problem.set(Some(browser_problem_of(errors))),
        }
    };
    let problem_signal: Signal<Option<Problem>> = problem.into();
    let form_problem = move || {
        problem.get().map(|p| {
            view! { <div id="version-problem" class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div> }
        })
    };
    view! {
        <form id="version-form" class="card warranty-form" on:submit=submit novalidate>
            <h2 id="version-title">{t("warranty.version_title")}</h2>
            <p class="hint muted">{t("warranty.version_hint")}</p>
            {form_problem}
            <TermsFields draft problem=problem_signal prefix="version" />
            <button id="version-submit" type="submit" class="button primary" disabled=move || publish.pending().get()>
                {move || i18n.text(if publish.pending().get() { "warranty.saving" } else { "warranty.publish" })}
            </button>
        </form>
    }
}
