//! `/audit`: the audit log of the user's part of the network, newest first. Filter
//! by who, what, which record and period (kept in the URL); each change shows its
//! before and after side by side, the changed fields marked; a page at a time.

mod diff;
mod entries;
mod filter_form;
pub mod filters;
mod words;

use std::collections::HashMap;

use aftersales_api_types::branches::BranchDto;
use aftersales_api_types::users::UserDto;
use futures::future::join;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

use self::entries::Entries;
use self::filter_form::FilterForm;
use self::filters::AuditFilters;
use crate::api;
use crate::components::problem::ErrorsView;
use crate::i18n::t;
use crate::session::{Session, use_session};

/// The people and branches the log's ids are named by, read once per page.
#[derive(Debug, Clone, Copy)]
pub struct Names {
    pub session: Session,
    pub users: StoredValue<Vec<UserDto>>,
    pub branches: StoredValue<HashMap<Uuid, BranchDto>>,
}

impl Names {
    async fn load(session: Session) -> Result<Names, api::ApiError> {
        let (users, branches) = join(api::reference::users(session), api::reference::branches(session)).await;
        let mut users = users?;
        users.sort_by_key(|u| u.display_name.to_lowercase());
        Ok(Names {
            session,
            users: StoredValue::new(users),
            branches: StoredValue::new(branches?.into_iter().map(|b| (b.id, b)).collect()),
        })
    }

    /// A user's name (and username), if the user is in scope.
    pub fn user(&self, id: Uuid) -> Option<String> {
        self.users.with_value(|u| u.iter().find(|u| u.id == id).map(|u| format!("{} ({})", u.display_name, u.username)))
    }

    /// A branch's code and name, if it is in scope.
    pub fn branch(&self, id: Uuid) -> Option<String> {
        self.branches.with_value(|b| b.get(&id).map(|b| format!("{} — {}", b.code, b.name)))
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let session = use_session();
    let names = LocalResource::new(move || Names::load(session));
    view! {
        <section class="page audit-page">
            <h1 id="audit-title">{t("audit.title")}</h1>
            <p class="muted">{t("audit.intro")}</p>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move { names.await.map(|names| view! { <AuditScreen names /> }) })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn AuditScreen(names: Names) -> impl IntoView {
    let query = use_query_map();
    let filters = Memo::new(move |_| query.with(|q| AuditFilters::from_query(|name| q.get(name))));
    let list = move || {
        let current = filters.get();
        view! { <Entries names filters=current /> }
    };
    view! {
        <FilterForm names filters />
        <h2 id="audit-list-title" class="visually-hidden">{t("audit.list_caption")}</h2>
        <div id="audit-list-wrap">{list}</div>
    }
}
