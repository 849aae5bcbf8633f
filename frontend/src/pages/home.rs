//! `/`: who you are, as the server sees it (`GET /auth/me`).

use aftersales_api_types::users::{Role, UserDto};
use leptos::prelude::*;

use crate::api;
use crate::components::problem::ErrorsView;
use crate::session::{Session, use_session};

#[component]
pub fn HomePage() -> impl IntoView {
    let session = use_session();
    let me = LocalResource::new(move || async move {
        let user = api::me(session).await?;
        session.set_user(user.clone());
        Ok::<UserDto, api::ApiError>(user)
    });
    let first_name = move || session.user().map(|u| u.display_name).unwrap_or_default();
    view! {
        <section class="page">
            <h1>"Welcome, " {first_name}</h1>
            <Transition fallback=|| view! { <p class="muted">"Loading your profile…"</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move {
                        me.await.map(|user| view! { <Profile user session /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn Profile(user: UserDto, session: Session) -> impl IntoView {
    let roles = user.roles.iter().map(|r| role_label(*r)).collect::<Vec<_>>().join(", ");
    let branch_id = user.branch_id.to_string();
    let branch = LocalResource::new({
        let branch_id = branch_id.clone();
        move || api::branch(session, branch_id.clone())
    });
    // The branch's name when it can be read, its id otherwise.
    let branch_label = move || {
        let branch_id = branch_id.clone();
        Suspend::new(async move {
            match branch.await {
                Ok(b) => format!("{} ({})", b.name, b.code),
                Err(_) => branch_id,
            }
        })
    };
    view! {
        <dl class="profile">
            <dt>"Username"</dt>
            <dd id="profile-username">{user.username}</dd>
            <dt>"Roles"</dt>
            <dd id="profile-roles">{roles}</dd>
            <dt>"Branch"</dt>
            <dd id="profile-branch">
                <Suspense fallback=|| "…">{branch_label}</Suspense>
            </dd>
        </dl>
    }
}

/// How a role reads in the interface.
pub fn role_label(role: Role) -> &'static str {
    match role {
        Role::Admin => "Admin",
        Role::Manager => "Manager",
        Role::Clerk => "Clerk",
        Role::Dispatcher => "Dispatcher",
        Role::Technician => "Technician",
        Role::Warehouse => "Warehouse",
        Role::Finance => "Finance",
    }
}
