//! Any path the app does not know.

use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <main class="page not-found">
            <h1>"Page not found"</h1>
            <p>
                <a href="/">"Back to the start page"</a>
            </p>
        </main>
    }
}
