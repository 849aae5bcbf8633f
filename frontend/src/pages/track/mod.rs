//! `/track` and `/track/{code}`: the public tracking page a customer opens from the
//! link or QR code on their receipt. No sign-in, outside the office shell; the same
//! language switcher, Persian right to left with Jalali dates.

mod result;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::api;
use crate::components::locale_switcher::LocaleSwitcher;
use crate::i18n::{t, use_i18n};

use self::result::TrackResult;

/// `/track`: a form for the code.
#[component]
pub fn TrackLookupPage() -> impl IntoView {
    view! {
        <PublicFrame>
            <section class="card track-card">
                <h1>{t("track.title")}</h1>
                <p class="muted">{t("track.intro")}</p>
                <CodeForm initial=String::new() />
            </section>
        </PublicFrame>
    }
}

/// `/track/{code}`: the ticket's progress, or why it cannot be shown.
#[component]
pub fn TrackPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    // Stage names come in the page's language: a new language asks again.
    let tracking = LocalResource::new(move || {
        let code = code();
        let lang = i18n.locale().code();
        async move { api::track(&code, lang).await }
    });
    let body = move || {
        Suspend::new(async move {
            let answer = tracking.await;
            view! { <TrackResult answer code=code() /> }
        })
    };
    view! {
        <PublicFrame>
            <Transition fallback=|| {
                view! {
                    <p id="track-loading" class="muted" role="status">
                        {t("track.loading")}
                    </p>
                }
            }>{body}</Transition>
        </PublicFrame>
    }
}

/// The frame of the public pages: the brand, the language menu, the content.
#[component]
fn PublicFrame(children: Children) -> impl IntoView {
    view! {
        <div class="public">
            <header class="public-header">
                <a class="brand" href="/track">
                    "Aftersales"
                </a>
                <LocaleSwitcher />
            </header>
            <main id="content" class="public-content">
                {children()}
            </main>
        </div>
    }
}

/// The tracking code field; submitting opens `/track/{code}`.
#[component]
pub fn CodeForm(initial: String) -> impl IntoView {
    let navigate = use_navigate();
    let code = RwSignal::new(initial);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = code.get_untracked();
        let typed = typed.trim();
        if !typed.is_empty() {
            let encoded = String::from(js_sys::encode_uri_component(typed));
            navigate(&format!("/track/{encoded}"), Default::default());
        }
    };
    view! {
        <form id="track-form" class="track-form" on:submit=submit>
            <div class="field">
                <label for="track-code">{t("track.code_label")}</label>
                <input
                    id="track-code"
                    name="code"
                    type="text"
                    dir="ltr"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    required
                    maxlength="40"
                    placeholder="ABCD-EF23-4567"
                    aria-describedby="track-code-hint"
                    bind:value=code
                />
                <small id="track-code-hint" class="muted">
                    {t("track.code_hint")}
                </small>
            </div>
            <button id="track-submit" type="submit" class="button primary">
                {t("track.submit")}
            </button>
        </form>
    }
}
