//! Names of the people and things a ticket points at, read from the API once each.

use leptos::prelude::*;
use uuid::Uuid;

use crate::api;
use crate::i18n::use_i18n;
use crate::session::Session;

/// A user's display name: the signed-in user's own, else `GET /users/{id}` (which
/// only some roles may read), else the `fallback` text.
#[component]
pub fn UserName(session: Session, id: Uuid, fallback: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let own = session.user().filter(|u| u.id == id).map(|u| u.display_name);
    let name = LocalResource::new(move || {
        let own = own.clone();
        async move {
            match own {
                Some(name) => Some(name),
                None => api::tickets::user_name(session, id).await,
            }
        }
    });
    view! {
        <bdi class="user-name">
            {move || match name.get() {
                Some(Some(name)) => name,
                Some(None) => i18n.text(fallback).to_owned(),
                None => "…".to_owned(),
            }}
        </bdi>
    }
}

/// A text read from the API; `…` while loading, a dash if it cannot be read.
#[component]
pub fn Loaded<F, Fut>(load: F) -> impl IntoView
where
    F: Fn() -> Fut + 'static,
    Fut: std::future::Future<Output = Option<String>> + 'static,
{
    let text = LocalResource::new(load);
    view! {
        <bdi>
            {move || match text.get() {
                Some(Some(text)) => text,
                Some(None) => "—".to_owned(),
                None => "…".to_owned(),
            }}
        </bdi>
    }
}
