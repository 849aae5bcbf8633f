//! The sign-in dialog shown over the page when the session has run out: the same
//! user types the password again and goes on where they were, nothing lost. Signing
//! out from here leaves for the login page.

use aftersales_api_types::auth::LoginRequest;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::api::{self, ApiError};
use crate::components::problem::ProblemView;
use crate::components::toast::use_toasts;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

#[component]
pub fn Reauth() -> impl IntoView {
    let session = use_session();
    view! {
        <Show when=move || session.expired()>
            <ReauthDialog />
        </Show>
    }
}

#[component]
fn ReauthDialog() -> impl IntoView {
    let session = use_session();
    let toasts = use_toasts();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let username = session.user().map(|u| u.username).unwrap_or_default();
    let password = RwSignal::new(String::new());
    let login = Action::new_local(move |request: &LoginRequest| {
        let request = request.clone();
        async move {
            api::sign_in(session, &request).await?;
            toasts.show(i18n.text("reauth.done"));
            Ok::<(), ApiError>(())
        }
    });
    let submit = {
        let username = username.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            login.dispatch_local(LoginRequest { username: username.clone(), password: password.get_untracked() });
        }
    };
    let sign_out = move |_| {
        session.clear();
        navigate("/login", Default::default());
    };
    let error = move || match login.value().get() {
        Some(Err(e)) => Some(view! {
            <div id="reauth-error" class="alert" role="alert">
                <ProblemView problem=e.problem />
            </div>
        }),
        _ => None,
    };
    view! {
        <div class="overlay">
            <div
                id="reauth"
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="reauth-title"
                aria-describedby="reauth-text"
            >
                <h2 id="reauth-title">{t("reauth.title")}</h2>
                <p id="reauth-text">{t("reauth.text")}</p>
                <form on:submit=submit>
                    <p>
                        <label for="reauth-username">{t("login.username")}</label>
                        <input id="reauth-username" type="text" value=username readonly=true />
                    </p>
                    <p>
                        <label for="reauth-password">{t("login.password")}</label>
                        <input
                            id="reauth-password"
                            type="password"
                            autocomplete="current-password"
                            autofocus=true
                            required=true
                            bind:value=password
                        />
                    </p>
                    {error}
                    <div class="actions">
                        <button id="reauth-submit" type="submit" class="button" disabled=move || login.pending().get()>
                            {t("reauth.continue")}
                        </button>
                        <button id="reauth-sign-out" type="button" class="button secondary" on:click=sign_out>
                            {t("shell.sign_out")}
                        </button>
                    </div>
                </form>
            </div>
        </div>
    }
}
