//! `/login`: username and password for a pair of tokens.

use aftersales_api_types::auth::LoginRequest;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::api::{self, ApiError};
use crate::components::locale_switcher::LocaleSwitcher;
use crate::components::problem::ProblemView;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

#[component]
pub fn LoginPage() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let navigate = use_navigate();

    // Someone already signed in has nothing to do here.
    Effect::new({
        let navigate = navigate.clone();
        move |_| {
            if session.signed_in() {
                navigate("/", Default::default());
            }
        }
    });

    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());

    let login = Action::new_local(move |request: &LoginRequest| {
        let request = request.clone();
        let navigate = navigate.clone();
        async move {
            api::sign_in(session, &request).await?;
            navigate("/", Default::default());
            Ok::<(), ApiError>(())
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        login.dispatch_local(LoginRequest {
            username: username.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
        });
    };

    let error = move || match login.value().get() {
        Some(Err(e)) => Some(view! {
            <div id="login-error" class="alert" role="alert">
                <ProblemView problem=e.problem />
            </div>
        }),
        _ => None,
    };

    view! {
        <main class="login-page">
            <form class="card login-form" on:submit=submit>
                <div class="login-head">
                    <h1 class="brand-title">"Aftersales"</h1>
                    <LocaleSwitcher />
                </div>
                <p class="muted">{t("login.subtitle")}</p>
                {error}
                <div class="field">
                    <label for="username">{t("login.username")}</label>
                    <input
                        id="username"
                        name="username"
                        type="text"
                        autocomplete="username"
                        autocapitalize="none"
                        spellcheck="false"
                        required
                        maxlength="64"
                        bind:value=username
                    />
                </div>
                <div class="field">
                    <label for="password">{t("login.password")}</label>
                    <input
                        id="password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                        maxlength="256"
                        bind:value=password
                    />
                </div>
                <button
                    id="login-submit"
                    type="submit"
                    class="button primary"
                    disabled=move || login.pending().get()
                >
                    {move || i18n.text(if login.pending().get() { "login.submitting" } else { "login.submit" })}
                </button>
            </form>
        </main>
    }
}
