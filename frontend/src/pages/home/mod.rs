//! `/`: the start page, by role. A technician sees their own jobs first; everyone
//! who works with tickets sees the dashboard; and everyone sees who they are, as the
//! server sees it (`GET /auth/me`).

mod dashboard;
mod jobs;

use aftersales_api_types::auth::{MeDto, Permission};
use aftersales_api_types::users::{Role, UserDto};
use leptos::prelude::*;

use crate::api;
use crate::components::problem::ErrorsView;
use crate::i18n::date::iso_instant;
use crate::i18n::labels::role_labels;
use crate::i18n::{t, use_i18n};
use crate::session::{Session, use_session};

use self::dashboard::DashboardPanel;
use self::jobs::MyJobs;
use crate::tr;

#[component]
pub fn HomePage() -> impl IntoView {
    let session = use_session();
    let me = LocalResource::new(move || async move {
        let me: MeDto = api::me(session).await?;
        session.set_me(me.clone());
        Ok::<UserDto, api::ApiError>(me.user)
    });
    let first_name = move || session.user().map(|u| u.display_name).unwrap_or_default();
    let technician = move || {
        session.user().filter(|u| u.roles.contains(&Role::Technician)).map(|u| view! { <MyJobs technician=u.id /> })
    };
    let sees_tickets = move || session.may(Permission::ViewTickets);
    view! {
        <section class="page">
            <h1>{tr!("home.welcome", name = first_name())}</h1>
            {technician}
            <Show when=sees_tickets>
                <DashboardPanel />
            </Show>
            <h2 id="profile-title">{t("home.profile")}</h2>
            <Transition fallback=|| view! { <p class="muted">{t("home.loading")}</p> }>
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
    let i18n = use_i18n();
    let roles: Vec<Role> = user.roles.iter().copied().collect();
    let roles = move || role_labels(i18n, roles.clone());
    let created_at = user.created_at;
    let since = move || i18n.instant_date(created_at);
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
            <dt>{t("profile.username")}</dt>
            <dd id="profile-username">{user.username}</dd>
            <dt>{t("profile.roles")}</dt>
            <dd id="profile-roles">{roles}</dd>
            <dt>{t("profile.branch")}</dt>
            <dd id="profile-branch">
                // Isolated, so "(HN01)" keeps its brackets in a right-to-left page.
                <bdi>
                    <Suspense fallback=|| "…">{branch_label}</Suspense>
                </bdi>
            </dd>
            <dt>{t("profile.member_since")}</dt>
            <dd>
                <time id="profile-since" datetime=iso_instant(created_at)>
                    {since}
                </time>
            </dd>
        </dl>
    }
}
