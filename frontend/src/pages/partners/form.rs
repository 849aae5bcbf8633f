//! The partner form: a new partner (`POST /partners`) or a change to one
//! (`PATCH /partners/{id}` with `If-Match`).

use aftersales_api_types::branches::BranchDto;
use aftersales_api_types::partners::{CreatePartner, PartnerDto, PartnerKind, UpdatePartner};
use aftersales_api_types::problem::Problem;
use leptos::prelude::*;
use uuid::Uuid;

use super::kind_key;
use crate::api;
use crate::components::problem::FieldErrors;
use crate::components::screen::{FormActions, Screen, form_problem, invalid, opt};
use crate::i18n::t;

type Save = crate::api::Save<CreatePartner, UpdatePartner>;

#[component]
pub fn PartnerForm(
    screen: Screen<PartnerDto>,
    branches: StoredValue<Vec<BranchDto>>,
    current: Option<PartnerDto>,
) -> impl IntoView {
    let session = screen.session;
    let is_new = current.is_none();
    let own_branch = untrack(|| session.user().map(|u| u.branch_id));
    let branch =
        RwSignal::new(current.as_ref().map(|p| p.branch_id).or(own_branch).map(|b| b.to_string()).unwrap_or_default());
    let code = RwSignal::new(current.as_ref().map(|p| p.code.clone()).unwrap_or_default());
    let name = RwSignal::new(current.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let kind = RwSignal::new(current.as_ref().map_or(PartnerKind::RepairShop, |p| p.kind).as_str().to_owned());
    let contact_name = RwSignal::new(current.as_ref().and_then(|p| p.contact_name.clone()).unwrap_or_default());
    let contact_email = RwSignal::new(current.as_ref().and_then(|p| p.contact_email.clone()).unwrap_or_default());
    let contact_phone = RwSignal::new(current.as_ref().and_then(|p| p.contact_phone.clone()).unwrap_or_default());
    let inactive = RwSignal::new(current.as_ref().is_some_and(|p| !p.active));
    let problem = RwSignal::new(None::<Problem>);
    let errors: Signal<Option<Problem>> = problem.into();

    let save = Action::new_local(move |save: &Save| {
        let save = save.clone();
        async move {
            let answer = match &save {
                Save::Create(body) => api::partners::create_partner(session, body).await,
                Save::Update(id, version, body) => api::partners::update_partner(session, *id, *version, body).await,
            };
            screen.settle(answer.map(|saved| saved.code), problem, "code", "partners.error.code_taken");
        }
    });
    let before = current.as_ref().map(|p| (p.id, p.version));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = match before {
            None => Save::Create(CreatePartner {
                branch_id: Uuid::parse_str(&branch.get_untracked()).unwrap_or_default(),
                code: code.get_untracked().trim().to_uppercase(),
                name: name.get_untracked(),
                kind: PartnerKind::ALL
                    .into_iter()
                    .find(|k| k.as_str() == kind.get_untracked())
                    .unwrap_or(PartnerKind::RepairShop),
                contact_name: opt(&contact_name.get_untracked()),
                contact_email: opt(&contact_email.get_untracked()),
                contact_phone: opt(&contact_phone.get_untracked()),
                brand_ids: Vec::new(),
            }),
            Some((id, version)) => Save::Update(
                id,
                version,
                UpdatePartner {
                    name: Some(name.get_untracked()),
                    active: Some(!inactive.get_untracked()),
                    contact_name: Some(opt(&contact_name.get_untracked())),
                    contact_email: Some(opt(&contact_email.get_untracked())),
                    contact_phone: Some(opt(&contact_phone.get_untracked())),
                    brand_ids: None,
                },
            ),
        };
        problem.set(None);
        save.dispatch_local(request);
    };
    let branch_options = branches
        .get_value()
        .into_iter()
        .map(|b| {
            let id = b.id.to_string();
            let mine = id.clone();
            view! { <option value=id selected=move || branch.get() == mine>{format!("{} — {}", b.code, b.name)}</option> }
        })
        .collect_view();
    let kind_options = PartnerKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.as_str()>{t(kind_key(k))}</option> })
        .collect_view();
    let title = if is_new { "partners.new" } else { "partners.edit" };
    view! {
        <form id="partner-form" class="card settings-form" on:submit=submit novalidate>
            <h2>{t(title)}</h2>
            {form_problem(problem, "partner-problem")}
            <div class="form-grid">
                <div class="field">
                    <label for="partner-code">{t("settings.code")}</label>
                    <input id="partner-code" type="text" dir="ltr" maxlength="32" autocomplete="off" bind:value=code
                        disabled=!is_new aria-invalid=invalid(problem, "code") aria-describedby="partner-code-error" />
                    <FieldErrors problem=errors field="code" id="partner-code" />
                </div>
                <div class="field">
                    <label for="partner-name">{t("settings.name")}</label>
                    <input id="partner-name" type="text" maxlength="120" autocomplete="off" bind:value=name
                        aria-invalid=invalid(problem, "name") aria-describedby="partner-name-error" />
                    <FieldErrors problem=errors field="name" id="partner-name" />
                </div>
                <div class="field">
                    <label for="partner-kind">{t("partners.kind")}</label>
                    <select id="partner-kind" bind:value=kind disabled=!is_new>{kind_options}</select>
                </div>
                <div class="field">
                    <label for="partner-branch">{t("settings.branch")}</label>
                    <select id="partner-branch" disabled=!is_new on:change=move |ev| branch.set(event_target_value(&ev))
                        aria-invalid=invalid(problem, "branch_id") aria-describedby="partner-branch-error">
                        {branch_options}
                    </select>
                    <FieldErrors problem=errors field="branch_id" id="partner-branch" />
                </div>
                <div class="field">
                    <label for="partner-contact-name">{t("partners.contact_name")}</label>
                    <input id="partner-contact-name" type="text" maxlength="120" autocomplete="off" bind:value=contact_name
                        aria-invalid=invalid(problem, "contact_name") aria-describedby="partner-contact-name-error" />
                    <FieldErrors problem=errors field="contact_name" id="partner-contact-name" />
                </div>
                <div class="field">
                    <label for="partner-contact-email">{t("settings.email")}</label>
                    <input id="partner-contact-email" type="email" dir="ltr" maxlength="200" autocomplete="off" bind:value=contact_email
                        aria-invalid=invalid(problem, "contact_email") aria-describedby="partner-contact-email-error" />
                    <FieldErrors problem=errors field="contact_email" id="partner-contact-email" />
                </div>
                <div class="field">
                    <label for="partner-contact-phone">{t("settings.phone")}</label>
                    <input id="partner-contact-phone" type="tel" dir="ltr" maxlength="32" autocomplete="off" bind:value=contact_phone
                        aria-invalid=invalid(problem, "contact_phone") aria-describedby="partner-contact-phone-error" />
                    <FieldErrors problem=errors field="contact_phone" id="partner-contact-phone" />
                </div>
                {(!is_new).then(|| view! {
                    <div class="field check">
                        <input id="partner-inactive" type="checkbox" bind:checked=inactive />
                        <label for="partner-inactive">{t("partners.make_inactive")}</label>
                    </div>
                })}
            </div>
            <FormActions prefix="partner" pending=save.pending().into() on_cancel=Callback::new(move |()| screen.editing.set(None)) />
        </form>
    }
}
