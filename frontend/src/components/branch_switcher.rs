//! The header's branch choice for users above outlet level: a regional manager
//! works in one branch at a time or in all of theirs. Shown only to users who may
//! list branches and see more than one; the start page and the dispatch board follow it.

use aftersales_api_types::auth::Permission;
use leptos::prelude::*;
use uuid::Uuid;

use crate::api;
use crate::i18n::t;
use crate::session::use_session;

#[component]
pub fn BranchSwitcher() -> impl IntoView {
    let session = use_session();
    let branches = LocalResource::new(move || async move {
        if !session.may(Permission::ViewOrganisation) {
            return Vec::new();
        }
        api::reference::branches(session).await.unwrap_or_default()
    });
    move || {
        let list = branches.get().unwrap_or_default();
        if list.len() < 2 {
            return None;
        }
        let current = session.working_branch();
        // A remembered branch that is no longer in sight falls back to all of them.
        if current.is_some_and(|id| !list.iter().any(|b| b.id == id)) {
            session.set_working_branch(None);
        }
        let options = list
            .into_iter()
            .map(|b| {
                let selected = current == Some(b.id);
                view! {
                    <option value=b.id.to_string() data-code=b.code.clone() selected=selected>
                        {format!("{} — {}", b.code, b.name)}
                    </option>
                }
            })
            .collect_view();
        let choose = move |ev: leptos::ev::Event| {
            session.set_working_branch(Uuid::parse_str(&event_target_value(&ev)).ok());
        };
        Some(view! {
            <div class="branch-switcher">
                <label for="branch-switcher">{t("branch_switcher.label")}</label>
                <select id="branch-switcher" on:change=choose>
                    <option value="" selected=current.is_none()>
                        {t("branch_switcher.all")}
                    </option>
                    {options}
                </select>
            </div>
        })
    }
}
