//! `/users`: the people who use the platform (`GET /users`).

use aftersales_api_types::users::{Role, UserDto};
use leptos::prelude::*;

use crate::api;
use crate::components::table::PagedTable;
use crate::i18n::{t, use_i18n};
use crate::pages::home::role_labels;
use crate::session::use_session;

#[component]
pub fn UsersPage() -> impl IntoView {
    let session = use_session();
    view! {
        <section class="page">
            <h1>{t("users.title")}</h1>
            <PagedTable
                caption="users.title"
                columns=&["users.username", "users.display_name", "users.roles", "users.active"]
                fetch=move |cursor| api::users(session, cursor)
                row=user_row
            />
        </section>
    }
}

fn user_row(user: UserDto) -> AnyView {
    let i18n = use_i18n();
    let roles: Vec<Role> = user.roles.iter().copied().collect();
    let roles = move || role_labels(i18n, roles.clone());
    let active = if user.active { "common.yes" } else { "common.no" };
    view! {
        <tr data-id=user.id.to_string() class:inactive=!user.active>
            <td class="code">{user.username}</td>
            <td>{user.display_name}</td>
            <td>{roles}</td>
            <td>{move || i18n.text(active)}</td>
        </tr>
    }
    .into_any()
}
