//! `/users`: the people who use the platform (`GET /users`), with a form to add one
//! (`POST /users`) and to change one's roles, branch, skills or password, or disable
//! them (`PATCH /users/{id}` with `If-Match`).

use std::collections::HashMap;

use aftersales_api_types::auth::Permission;
use aftersales_api_types::branches::BranchDto;
use aftersales_api_types::partners::PartnerDto;
use aftersales_api_types::skills::SkillDto;
use aftersales_api_types::users::{Role, UserDto};
use leptos::prelude::*;
use uuid::Uuid;

use crate::api;
use crate::components::problem::ProblemView;
use crate::components::screen::{NewButton, Screen};
use crate::components::table::ListTable;
use crate::i18n::labels::role_labels;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

mod form;

use self::form::UserForm;

const COLUMNS: &[&str] =
    &["users.username", "users.display_name", "settings.branch", "users.roles", "users.active", "settings.actions"];

/// What the form chooses from: the branches, the skills catalogue, and the
/// partners whose own staff may be given accounts.
#[derive(Debug, Clone, Copy)]
pub struct Choices {
    pub branches: StoredValue<Vec<BranchDto>>,
    pub skills: StoredValue<Vec<SkillDto>>,
    pub partners: StoredValue<Vec<PartnerDto>>,
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let session = use_session();
    let choices = LocalResource::new(move || async move {
        let branches = api::reference::branches(session).await?;
        // The skills catalogue only feeds the form; a refusal leaves it empty.
        let skills = api::settings::skills(session).await.unwrap_or_default();
        // Partners too: without the right to manage them, no partner staff are made here.
        let partners = api::partners::partners(session).await.unwrap_or_default();
        Ok::<_, api::ApiError>((branches, skills, partners))
    });
    view! {
        <section class="page settings-page">
            <h1>{t("users.title")}</h1>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                {move || Suspend::new(async move {
                    match choices.await {
                        Ok((branches, skills, partners)) => {
                            let choices = Choices {
                                branches: StoredValue::new(branches),
                                skills: StoredValue::new(skills),
                                partners: StoredValue::new(partners),
                            };
                            view! { <UsersScreen choices /> }.into_any()
                        }
                        Err(e) => view! { <div class="alert" role="alert"><ProblemView problem=e.problem /></div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn UsersScreen(choices: Choices) -> impl IntoView {
    let session = use_session();
    let screen = Screen::<UserDto>::new(session);
    let may_manage = untrack(|| session.may(Permission::ManageUsers));
    let list = LocalResource::new(move || {
        let _ = screen.changes.get();
        api::reference::users(session)
    });
    let codes: HashMap<Uuid, String> =
        choices.branches.with_value(|b| b.iter().map(|b| (b.id, b.code.clone())).collect());
    let codes = StoredValue::new(codes);
    let form = move || screen.editing.get().map(|current| view! { <UserForm screen choices current /> });
    view! {
        {may_manage.then(|| view! { <NewButton screen id="user-new" label="settings.users.new" /> })}
        {form}
        <ListTable id="user-table" caption="users.title" columns=COLUMNS list row=move |r| user_row(screen, may_manage, codes, r).into_any() />
    }
}

fn user_row(
    screen: Screen<UserDto>,
    may_manage: bool,
    codes: StoredValue<HashMap<Uuid, String>>,
    user: UserDto,
) -> impl IntoView {
    let i18n = use_i18n();
    let roles: Vec<Role> = user.roles.iter().copied().collect();
    let roles = move || role_labels(i18n, roles.clone());
    let active = user.active;
    let branch = codes.with_value(|c| c.get(&user.branch_id).cloned()).unwrap_or_else(|| user.branch_id.to_string());
    let edit_row = user.clone();
    view! {
        <tr data-id=user.id.to_string() data-username=user.username.clone() class:inactive=!active>
            <td class="code"><bdi>{user.username.clone()}</bdi></td>
            <td class="display-name">{user.display_name.clone()}</td>
            <td class="branch code"><bdi>{branch}</bdi></td>
            <td class="roles">{roles}</td>
            <td class="status">{move || i18n.text(if active { "common.yes" } else { "common.no" })}</td>
            <td class="actions">
                {may_manage.then(|| view! {
                    <button type="button" class="button link settings-edit"
                        on:click=move |_| screen.editing.set(Some(Some(edit_row.clone())))>{t("settings.edit")}</button>
                })}
            </td>
        </tr>
    }
}
