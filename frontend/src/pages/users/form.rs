//! The user form: a new user (`POST /users`) or a change to one (`PATCH /users/{id}`
//! with `If-Match`): names, contact, branch, roles (each described in words),
//! skills (`GET /skills`), language, password, and disabling the account.

use std::collections::BTreeSet;

use aftersales_api_types::problem::Problem;
use aftersales_api_types::users::{CreateUser, Role, UpdateUser, UserDto};
use leptos::prelude::*;
use uuid::Uuid;

use super::Choices;
use crate::api;
use crate::components::problem::{FieldErrors, browser_problem};
use crate::components::screen::{FormActions, Screen, form_problem, invalid, opt};
use crate::i18n::labels::role_key;
use crate::i18n::locale::Locale;
use crate::i18n::t;

const ROLES: [Role; 7] =
    [Role::Admin, Role::Manager, Role::Clerk, Role::Dispatcher, Role::Technician, Role::Warehouse, Role::Finance];

/// What a role may do, in words.
fn role_description(role: Role) -> &'static str {
    match role {
        Role::Admin => "settings.role_desc.admin",
        Role::Manager => "settings.role_desc.manager",
        Role::Clerk => "settings.role_desc.clerk",
        Role::Dispatcher => "settings.role_desc.dispatcher",
        Role::Technician => "settings.role_desc.technician",
        Role::Warehouse => "settings.role_desc.warehouse",
        Role::Finance => "settings.role_desc.finance",
    }
}

fn role_wire(role: Role) -> &'static str {
    match role {
        Role::Admin => "admin",
        Role::Manager => "manager",
        Role::Clerk => "clerk",
        Role::Dispatcher => "dispatcher",
        Role::Technician => "technician",
        Role::Warehouse => "warehouse",
        Role::Finance => "finance",
    }
}

type Save = crate::api::Save<CreateUser, UpdateUser>;

#[component]
pub fn UserForm(screen: Screen<UserDto>, choices: Choices, current: Option<UserDto>) -> impl IntoView {
    let session = screen.session;
    let is_new = current.is_none();
    let own_branch = untrack(|| session.user().map(|u| u.branch_id));
    let branch =
        RwSignal::new(current.as_ref().map(|u| u.branch_id).or(own_branch).map(|b| b.to_string()).unwrap_or_default());
    let username = RwSignal::new(current.as_ref().map(|u| u.username.clone()).unwrap_or_default());
    let display_name = RwSignal::new(current.as_ref().map(|u| u.display_name.clone()).unwrap_or_default());
    let email = RwSignal::new(current.as_ref().and_then(|u| u.email.clone()).unwrap_or_default());
    let phone = RwSignal::new(current.as_ref().and_then(|u| u.phone.clone()).unwrap_or_default());
    let roles = RwSignal::new(current.as_ref().map(|u| u.roles.clone()).unwrap_or_default());
    let skills = RwSignal::new(current.as_ref().map(|u| u.skills.clone()).unwrap_or_default());
    let language =
        RwSignal::new(Locale::from(current.as_ref().map(|u| u.locale).unwrap_or_default()).code().to_owned());
    let password = RwSignal::new(String::new());
    let partner = RwSignal::new(current.as_ref().and_then(|u| u.partner_id).map(|p| p.to_string()).unwrap_or_default());
    let disabled = RwSignal::new(current.as_ref().is_some_and(|u| !u.active));
    let problem = RwSignal::new(None::<Problem>);
    let errors: Signal<Option<Problem>> = problem.into();

    let save = Action::new_local(move |save: &Save| {
        let save = save.clone();
        async move {
            let answer = match &save {
                Save::Create(body) => api::settings::create_user(session, body).await,
                Save::Update(id, version, body) => api::settings::update_user(session, *id, *version, body).await,
            };
            screen.settle(answer.map(|saved| saved.username), problem, "username", "settings.error.username_taken");
        }
    });
    let before = current.as_ref().map(|u| (u.id, u.version));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen_roles: BTreeSet<Role> = roles.get_untracked();
        let new_password = password.get_untracked();
        let mut found = Vec::new();
        if chosen_roles.is_empty() {
            found.push(("roles", "settings.error.roles"));
        }
        if (is_new || !new_password.is_empty()) && new_password.chars().count() < 10 {
            found.push(("password", "settings.error.password"));
        }
        if !found.is_empty() {
            problem.set(Some(browser_problem(&found)));
            return;
        }
        let locale = Locale::from_code(&language.get_untracked()).unwrap_or_default().into();
        let branch_id = Uuid::parse_str(&branch.get_untracked()).unwrap_or_default();
        let request = match before {
            None => Save::Create(CreateUser {
                username: username.get_untracked().trim().to_owned(),
                display_name: display_name.get_untracked(),
                email: opt(&email.get_untracked()),
                phone: opt(&phone.get_untracked()),
                branch_id,
                roles: chosen_roles,
                skills: skills.get_untracked(),
                locale,
                partner_id: Uuid::parse_str(&partner.get_untracked()).ok(),
                password: new_password,
            }),
            Some((id, version)) => Save::Update(
                id,
                version,
                UpdateUser {
                    display_name: Some(display_name.get_untracked()),
                    email: Some(opt(&email.get_untracked())),
                    phone: Some(opt(&phone.get_untracked())),
                    branch_id: Some(branch_id),
                    roles: Some(chosen_roles),
                    skills: Some(skills.get_untracked()),
                    locale: Some(locale),
                    active: Some(!disabled.get_untracked()),
                    password: (!new_password.is_empty()).then_some(new_password),
                },
            ),
        };
        problem.set(None);
        save.dispatch_local(request);
    };

    let branch_options = choices
        .branches
        .get_value()
        .into_iter()
        .map(|b| {
            let id = b.id.to_string();
            let mine = id.clone();
            view! {
                <option value=id data-code=b.code.clone() selected=move || branch.get() == mine>
                    {format!("{} — {}", b.code, b.name)}
                </option>
            }
        })
        .collect_view();
    // A partner's staff belong to its branch: choosing the partner chooses the branch.
    let partner_list = choices.partners.get_value();
    let choose_partner = move |value: String| {
        let branch_of =
            choices.partners.with_value(|p| p.iter().find(|p| p.id.to_string() == value).map(|p| p.branch_id));
        if let Some(branch_id) = branch_of {
            branch.set(branch_id.to_string());
        }
        partner.set(value);
    };
    let partner_field = (!partner_list.is_empty() || !is_new).then(|| {
        let options = partner_list
            .into_iter()
            .map(|p| {
                let id = p.id.to_string();
                let mine = id.clone();
                view! { <option value=id data-code=p.code.clone() selected=move || partner.get() == mine>{format!("{} — {}", p.code, p.name)}</option> }
            })
            .collect_view();
        view! {
            <div class="field">
                <label for="user-partner">{t("users.partner")}</label>
                <select id="user-partner" disabled=!is_new on:change=move |ev| choose_partner(event_target_value(&ev))
                    aria-invalid=invalid(problem, "partner_id") aria-describedby="user-partner-hint user-partner-error">
                    <option value="" selected=move || partner.get().is_empty()>{t("users.partner_none")}</option>
                    {options}
                </select>
                <p id="user-partner-hint" class="hint">{t("users.partner_hint")}</p>
                <FieldErrors problem=errors field="partner_id" id="user-partner" />
            </div>
        }
    });
    let role_boxes = ROLES
        .into_iter()
        .map(|role| {
            let id = format!("user-role-{}", role_wire(role));
            view! {
                <div class="field check role">
                    <input id=id.clone() type="checkbox" value=role_wire(role)
                        prop:checked=move || roles.with(|r| r.contains(&role))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            roles.update(|r| { if on { r.insert(role); } else { r.remove(&role); } });
                        } />
                    <label for=id>
                        <span class="role-name">{t(role_key(role))}</span>
                        <span class="role-desc">{t(role_description(role))}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    let skill_list = choices.skills.get_value();
    let no_skills = skill_list.is_empty();
    let skill_boxes = skill_list
        .into_iter()
        .map(|skill| {
            let id = format!("user-skill-{}", skill.code);
            let code = skill.code.clone();
            let mine = skill.code.clone();
            view! {
                <div class="field check">
                    <input id=id.clone() type="checkbox" value=skill.code.clone()
                        prop:checked=move || skills.with(|s| s.contains(&mine))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let code = code.clone();
                            skills.update(|s| { s.retain(|c| *c != code); if on { s.push(code); } });
                        } />
                    <label for=id>{skill.name}</label>
                </div>
            }
        })
        .collect_view();
    let title = if is_new { "settings.users.new" } else { "settings.users.edit" };
    let password_label = if is_new { "settings.password" } else { "settings.new_password" };
    view! {
        <form id="user-form" class="card settings-form" on:submit=submit novalidate>
            <h2>{t(title)}</h2>
            {form_problem(problem, "user-problem")}
            <div class="form-grid">
                <div class="field">
                    <label for="user-username">{t("users.username")}</label>
                    <input id="user-username" type="text" dir="ltr" maxlength="64" autocomplete="off" bind:value=username
                        disabled=!is_new aria-invalid=invalid(problem, "username") aria-describedby="user-username-error" />
                    <FieldErrors problem=errors field="username" id="user-username" />
                </div>
                <div class="field">
                    <label for="user-display-name">{t("users.display_name")}</label>
                    <input id="user-display-name" type="text" maxlength="120" autocomplete="off" bind:value=display_name
                        aria-invalid=invalid(problem, "display_name") aria-describedby="user-display-name-error" />
                    <FieldErrors problem=errors field="display_name" id="user-display-name" />
                </div>
                <div class="field">
                    <label for="user-email">{t("settings.email")}</label>
                    <input id="user-email" type="email" dir="ltr" maxlength="254" autocomplete="off" bind:value=email
                        aria-invalid=invalid(problem, "email") aria-describedby="user-email-error" />
                    <FieldErrors problem=errors field="email" id="user-email" />
                </div>
                <div class="field">
                    <label for="user-phone">{t("settings.phone")}</label>
                    <input id="user-phone" type="tel" dir="ltr" maxlength="32" autocomplete="off" bind:value=phone
                        aria-invalid=invalid(problem, "phone") aria-describedby="user-phone-error" />
                    <FieldErrors problem=errors field="phone" id="user-phone" />
                </div>
                <div class="field">
                    <label for="user-branch">{t("settings.branch")}</label>
                    <select id="user-branch" on:change=move |ev| branch.set(event_target_value(&ev))
                        aria-invalid=invalid(problem, "branch_id") aria-describedby="user-branch-error">
                        {branch_options}
                    </select>
                    <FieldErrors problem=errors field="branch_id" id="user-branch" />
                </div>
                {partner_field}
                <div class="field">
                    <label for="user-locale">{t("settings.language")}</label>
                    <select id="user-locale" bind:value=language>
                        {Locale::ALL.into_iter().map(|l| view! { <option value=l.code() lang=l.code()>{l.native_name()}</option> }).collect_view()}
                    </select>
                </div>
                <fieldset class="wide settings-checks" aria-describedby="user-roles-error" aria-invalid=invalid(problem, "roles")>
                    <legend>{t("users.roles")}</legend>
                    {role_boxes}
                    <FieldErrors problem=errors field="roles" id="user-roles" />
                </fieldset>
                <fieldset class="wide settings-checks">
                    <legend>{t("settings.skills")}</legend>
                    {no_skills.then(|| view! { <p class="muted">{t("settings.no_skills")}</p> })}
                    {skill_boxes}
                    <FieldErrors problem=errors field="skills" id="user-skills" />
                </fieldset>
                <div class="field">
                    <label for="user-password">{t(password_label)}</label>
                    <input id="user-password" type="password" dir="ltr" maxlength="256" autocomplete="new-password" bind:value=password
                        aria-invalid=invalid(problem, "password") aria-describedby="user-password-error" />
                    <p class="hint">{t("settings.password_hint")}</p>
                    <FieldErrors problem=errors field="password" id="user-password" />
                </div>
                {(!is_new).then(|| view! {
                    <div class="field check">
                        <input id="user-disabled" type="checkbox" bind:checked=disabled />
                        <label for="user-disabled">{t("settings.disable_user")}</label>
                    </div>
                })}
            </div>
            <FormActions prefix="user" pending=save.pending().into() on_cancel=Callback::new(move |()| screen.editing.set(None)) />
        </form>
    }
}
