//! Short notes that a thing was done ("Ticket created"), shown in one polite live
//! region at the edge of the screen and gone after a few seconds or when dismissed.
//! Errors that need the user stay on the page next to what failed, not here.

use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::t;

/// How long a note stays.
const SHOWN_FOR: Duration = Duration::from_secs(6);

#[derive(Debug, Clone, PartialEq)]
struct Toast {
    id: u64,
    text: String,
}

/// The notes on screen. `Copy`: pass it into closures freely.
#[derive(Debug, Clone, Copy)]
pub struct Toasts {
    items: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u64>,
}

impl Toasts {
    /// Provides the toast area's state to every component below.
    pub fn provide() -> Self {
        let toasts = Self { items: RwSignal::new(Vec::new()), next_id: StoredValue::new(0) };
        provide_context(toasts);
        toasts
    }

    /// Shows `text` (already in the reader's language) for a few seconds.
    pub fn show(&self, text: impl Into<String>) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.items.update(|items| items.push(Toast { id, text: text.into() }));
        let this = *self;
        set_timeout(move || this.dismiss(id), SHOWN_FOR);
    }

    fn dismiss(&self, id: u64) {
        self.items.try_update(|items| items.retain(|t| t.id != id));
    }
}

/// The toasts provided by `App`.
pub fn use_toasts() -> Toasts {
    match use_context::<Toasts>() {
        Some(toasts) => toasts,
        None => Toasts::provide(),
    }
}

/// The live region the notes appear in.
#[component]
pub fn ToastArea() -> impl IntoView {
    let toasts = use_toasts();
    view! {
        <div id="toasts" class="toasts" role="status" aria-live="polite">
            <For each=move || toasts.items.get() key=|toast| toast.id let:toast>
                <div class="toast">
                    <span class="toast-text">{toast.text.clone()}</span>
                    <button
                        type="button"
                        class="toast-close"
                        aria-label=t("toast.dismiss")
                        on:click=move |_| toasts.dismiss(toast.id)
                    >
                        "×"
                    </button>
                </div>
            </For>
        </div>
    }
}
