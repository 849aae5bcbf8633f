//! `/users`: the people who use the platform (`GET /users`).

use aftersales_api_types::users::UserDto;
use leptos::prelude::*;

use crate::api;
use crate::components::table::PagedTable;
use crate::pages::home::role_label;
use crate::session::use_session;

#[component]
pub fn UsersPage() -> impl IntoView {
    let session = use_session();
    view! {
        <section class="page">
            <h1>"Users"</h1>
            <PagedTable
                caption="Users"
                columns=&["Username", "Display name", "Roles", "Active"]
                fetch=move |cursor| api::users(session, cursor)
                row=user_row
            />
        </section>
    }
}

fn user_row(user: UserDto) -> AnyView {
    let roles = user.roles.iter().map(|r| role_label(*r)).collect::<Vec<_>>().join(", ");
    let active = if user.active { "Yes" } else { "No" };
    view! {
        <tr data-id=user.id.to_string() class:inactive=!user.active>
            <td class="code">{user.username}</td>
            <td>{user.display_name}</td>
            <td>{roles}</td>
            <td>{active}</td>
        </tr>
    }
    .into_any()
}
