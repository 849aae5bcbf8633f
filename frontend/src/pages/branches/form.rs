//! The branch form: a new branch below one of yours (`POST /branches`) or a change
//! to one (`PATCH /branches/{id}` with `If-Match`): parent, code, name, kind, time
//! zone and currency.

use aftersales_api_types::branches::{BranchDto, BranchKind, CreateBranch, UpdateBranch};
use aftersales_api_types::problem::Problem;
use leptos::prelude::*;
use uuid::Uuid;

use crate::api;
use crate::components::problem::{FieldErrors, browser_problem};
use crate::components::screen::{FormActions, Screen, form_problem, invalid};
use crate::i18n::labels::branch_kind_key;
use crate::i18n::t;

const KINDS: [BranchKind; 3] = [BranchKind::Hq, BranchKind::Regional, BranchKind::Outlet];

fn kind_wire(kind: BranchKind) -> &'static str {
    match kind {
        BranchKind::Hq => "hq",
        BranchKind::Regional => "regional",
        BranchKind::Outlet => "outlet",
    }
}

/// Time zones offered first (any IANA name may be typed).
const TIME_ZONES: &[&str] =
    &["Asia/Ho_Chi_Minh", "Asia/Tehran", "Asia/Shanghai", "Asia/Bangkok", "Asia/Singapore", "Europe/London", "UTC"];

type Save = crate::api::Save<CreateBranch, UpdateBranch>;

#[component]
pub fn BranchForm(screen: Screen<BranchDto>, branches: Vec<BranchDto>, current: Option<BranchDto>) -> impl IntoView {
    let session = screen.session;
    let is_new = current.is_none();
    let is_top = current.as_ref().is_some_and(|b| b.parent_id.is_none());
    let first = branches.first().map(|b| b.id.to_string()).unwrap_or_default();
    let parent = RwSignal::new(match &current {
        Some(b) => b.parent_id.map(|p| p.to_string()).unwrap_or_default(),
        None => first,
    });
    let code = RwSignal::new(current.as_ref().map(|b| b.code.clone()).unwrap_or_default());
    let name = RwSignal::new(current.as_ref().map(|b| b.name.clone()).unwrap_or_default());
    let kind = RwSignal::new(kind_wire(current.as_ref().map_or(BranchKind::Outlet, |b| b.kind)).to_owned());
    let inherited = branches.first();
    let time_zone = RwSignal::new(current.as_ref().or(inherited).map(|b| b.time_zone.clone()).unwrap_or_default());
    let currency = RwSignal::new(current.as_ref().or(inherited).map(|b| b.currency.clone()).unwrap_or_default());
    let problem = RwSignal::new(None::<Problem>);
    let errors: Signal<Option<Problem>> = problem.into();

    let save = Action::new_local(move |save: &Save| {
        let save = save.clone();
        async move {
            let answer = match &save {
                Save::Create(body) => api::settings::create_branch(session, body).await,
                Save::Update(id, version, body) => api::settings::update_branch(session, *id, *version, body).await,
            };
            screen.settle(answer.map(|saved| saved.code), problem, "code", "settings.error.code_taken");
        }
    });
    let before = current.as_ref().map(|b| (b.id, b.version, b.parent_id));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen_parent = Uuid::parse_str(&parent.get_untracked()).ok();
        let chosen_kind =
            KINDS.into_iter().find(|k| kind_wire(*k) == kind.get_untracked()).unwrap_or(BranchKind::Outlet);
        let request = match before {
            None => {
                let Some(parent_id) = chosen_parent else {
                    problem.set(Some(browser_problem(&[("parent_id", "settings.error.parent")])));
                    return;
                };
                Save::Create(CreateBranch {
                    parent_id,
                    code: code.get_untracked().trim().to_uppercase(),
                    name: name.get_untracked(),
                    kind: chosen_kind,
                    time_zone: time_zone.get_untracked().trim().to_owned(),
                    currency: currency.get_untracked().trim().to_uppercase(),
                })
            }
            Some((id, version, had)) => Save::Update(
                id,
                version,
                UpdateBranch {
                    parent_id: chosen_parent.filter(|p| Some(*p) != had),
                    name: Some(name.get_untracked()),
                    kind: Some(chosen_kind),
                    time_zone: Some(time_zone.get_untracked().trim().to_owned()),
                    currency: Some(currency.get_untracked().trim().to_uppercase()),
                },
            ),
        };
        problem.set(None);
        save.dispatch_local(request);
    };
    let own_id = current.as_ref().map(|b| b.id);
    let parent_options = branches
        .into_iter()
        .filter(|b| Some(b.id) != own_id)
        .map(|b| {
            let id = b.id.to_string();
            let mine = id.clone();
            view! {
                <option value=id data-code=b.code.clone() selected=move || parent.get() == mine>
                    {format!("{} — {}", b.code, b.name)}
                </option>
            }
        })
        .collect_view();
    let title = if is_new { "settings.branches.new" } else { "settings.branches.edit" };
    view! {
        <form id="branch-form" class="card settings-form" on:submit=submit novalidate>
            <h2>{t(title)}</h2>
            {form_problem(problem, "branch-problem")}
            <div class="form-grid">
                <div class="field">
                    <label for="branch-parent">{t("settings.parent")}</label>
                    <select id="branch-parent" on:change=move |ev| parent.set(event_target_value(&ev)) disabled=is_top
                        aria-invalid=invalid(problem, "parent_id") aria-describedby="branch-parent-error">
                        {is_top.then(|| view! { <option value="">{t("settings.branches.top")}</option> })}
                        {parent_options}
                    </select>
                    <FieldErrors problem=errors field="parent_id" id="branch-parent" />
                </div>
                <div class="field">
                    <label for="branch-code">{t("branches.code")}</label>
                    <input id="branch-code" type="text" dir="ltr" maxlength="16" autocomplete="off" bind:value=code
                        disabled=!is_new aria-invalid=invalid(problem, "code") aria-describedby="branch-code-error" />
                    <p class="hint">{t("settings.branches.code_hint")}</p>
                    <FieldErrors problem=errors field="code" id="branch-code" />
                </div>
                <div class="field wide">
                    <label for="branch-name">{t("branches.name")}</label>
                    <input id="branch-name" type="text" maxlength="120" autocomplete="off" bind:value=name
                        aria-invalid=invalid(problem, "name") aria-describedby="branch-name-error" />
                    <FieldErrors problem=errors field="name" id="branch-name" />
                </div>
                <div class="field">
                    <label for="branch-kind">{t("branches.kind")}</label>
                    <select id="branch-kind" bind:value=kind aria-invalid=invalid(problem, "kind")>
                        {KINDS.into_iter().map(|k| view! { <option value=kind_wire(k)>{t(branch_kind_key(k))}</option> }).collect_view()}
                    </select>
                    <FieldErrors problem=errors field="kind" id="branch-kind" />
                </div>
                <div class="field">
                    <label for="branch-time-zone">{t("branches.time_zone")}</label>
                    <input id="branch-time-zone" type="text" dir="ltr" maxlength="64" autocomplete="off" list="branch-time-zones"
                        bind:value=time_zone aria-invalid=invalid(problem, "time_zone") aria-describedby="branch-time-zone-error" />
                    <datalist id="branch-time-zones">
                        {TIME_ZONES.iter().map(|z| view! { <option value=*z></option> }).collect_view()}
                    </datalist>
                    <FieldErrors problem=errors field="time_zone" id="branch-time-zone" />
                </div>
                <div class="field">
                    <label for="branch-currency">{t("branches.currency")}</label>
                    <input id="branch-currency" type="text" dir="ltr" maxlength="3" autocomplete="off" bind:value=currency
                        aria-invalid=invalid(problem, "currency") aria-describedby="branch-currency-error" />
                    <FieldErrors problem=errors field="currency" id="branch-currency" />
                </div>
            </div>
            <FormActions prefix="branch" pending=save.pending().into() on_cancel=Callback::new(move |()| screen.editing.set(None)) />
        </form>
    }
}
