//! Any path the app does not know.

use leptos::prelude::*;

use crate::i18n::t;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <main class="page not-found">
            <h1>{t("not_found.title")}</h1>
            <p>
                <a href="/">{t("not_found.back")}</a>
            </p>
        </main>
    }
}
