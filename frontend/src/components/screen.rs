//! A record screen: a table with a form above it (new or edit) and a delete button
//! that asks first; the table follows every change without a page reload. The
//! settings screens (fault codes, service catalogue) and the branch and user screens
//! are built from these pieces.

use aftersales_api_types::problem::{FieldError, Problem};
use leptos::prelude::*;
use uuid::Uuid;

use crate::api::{self, ApiError};
use crate::components::problem::{ProblemView, names_field};
use crate::components::toast::{Toasts, use_toasts};
use crate::i18n::{I18n, t, use_i18n};
use crate::session::Session;
use crate::tr;

/// What a screen's table, form and buttons share. `editing`: `None` closed,
/// `Some(None)` a new record, `Some(Some(record))` a change to one.
#[derive(Debug)]
pub struct Screen<T: Send + Sync + 'static> {
    pub session: Session,
    pub editing: RwSignal<Option<Option<T>>>,
    pub changes: RwSignal<u32>,
    pub toasts: Toasts,
    i18n: I18n,
}

impl<T: Send + Sync + 'static> Clone for Screen<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Screen<T> {}

impl<T: Send + Sync + 'static> Screen<T> {
    pub fn new(session: Session) -> Self {
        Self {
            session,
            editing: RwSignal::new(None),
            changes: RwSignal::new(0),
            toasts: use_toasts(),
            i18n: use_i18n(),
        }
    }

    /// After a save: close the form, say so, and read the list again.
    pub fn saved(&self, text: String) {
        self.toasts.show(text);
        self.editing.try_set(None);
        self.changes.try_update(|n| *n += 1);
    }

    /// The answer to a form's save: the saved record's `code` on success, else the
    /// refusal in the form's `problem`, a taken code shown at `field` with `taken`.
    pub fn settle(
        &self,
        answer: Result<String, ApiError>,
        problem: RwSignal<Option<Problem>>,
        field: &str,
        taken: &str,
    ) {
        match answer {
            Ok(code) => self.saved(self.i18n.format("settings.saved", &[("code", &code)])),
            Err(e) => {
                problem.try_set(Some(refusal(e.problem, field, taken)));
            }
        }
    }
}

/// The text, trimmed; `None` when empty.
pub fn opt(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// A refusal as the form shows it: a 409 without field errors names `field`
/// (a taken code) with the message `key`.
fn refusal(mut problem: Problem, field: &str, key: &str) -> Problem {
    if problem.status == 409 && problem.errors.is_empty() {
        problem.errors.push(FieldError::new(field.to_owned(), "conflict".to_owned(), key.to_owned()));
    }
    problem
}

/// `aria-invalid` of an input: whether the form's problem names its field.
pub fn invalid(problem: RwSignal<Option<Problem>>, field: &'static str) -> impl Fn() -> String + Copy {
    move || problem.with(|p| names_field(p.as_ref(), field)).to_string()
}

/// The form's problem without its field errors, above the fields.
pub fn form_problem(problem: RwSignal<Option<Problem>>, id: &'static str) -> impl Fn() -> Option<AnyView> + Copy {
    move || {
        problem.get().map(|p| {
            let p = crate::components::problem::without_fields(&p);
            view! { <div id=id class="alert" role="alert"><ProblemView problem=p /></div> }.into_any()
        })
    }
}

/// Save and cancel at the foot of a form.
#[component]
pub fn FormActions(prefix: &'static str, pending: Signal<bool>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="form-actions">
            <button id=format!("{prefix}-submit") type="submit" class="button primary" disabled=move || pending.get()>
                {move || i18n.text(if pending.get() { "settings.saving" } else { "settings.save" })}
            </button>
            <button id=format!("{prefix}-cancel") type="button" class="button secondary" on:click=move |_| on_cancel.run(())>
                {t("settings.cancel")}
            </button>
        </div>
    }
}

/// A row's delete button: asks first, then `DELETE {path}/{id}`; a refusal (in use)
/// is shown in the row.
#[component]
pub fn DeleteButton(
    session: Session,
    #[prop(into)] path: String,
    id: Uuid,
    code: String,
    changes: RwSignal<u32>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let problem = RwSignal::new(None::<Problem>);
    let label = code.clone();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let remove = Action::new_local(move |(): &()| {
        let code = code.clone();
        let path = path.clone();
        async move {
            match api::settings::delete(session, &path, id).await {
                Ok(()) => {
                    toasts.show(i18n.format("settings.deleted", &[("code", &code)]));
                    changes.try_update(|n| *n += 1);
                }
                Err(e) => {
                    asking.try_set(false);
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let question = tr!("settings.confirm_delete", code = label);
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button type="button" class="button link settings-delete" on:click=move |_| {
                    problem.set(None);
                    asking.set(true);
                }>{t("settings.delete")}</button>
            }
        >
            <span class="settings-confirm" role="alert">
                <span>{question.clone()}</span>
                <button type="button" class="button link danger settings-confirm-yes" disabled=move || remove.pending().get()
                    on:click=move |_| { remove.dispatch_local(()); }>{t("settings.delete_yes")}</button>
                <button type="button" class="button link settings-confirm-no" on:click=move |_| asking.set(false)>
                    {t("settings.keep")}
                </button>
            </span>
        </Show>
        {move || problem.get().map(|p| view! { <div class="settings-delete-problem"><ProblemView problem=p /></div> })}
    }
}

/// The "new" button above a table, hidden while the form is open.
#[component]
pub fn NewButton<T: Clone + Send + Sync + 'static>(
    screen: Screen<T>,
    id: &'static str,
    label: &'static str,
) -> impl IntoView {
    view! {
        <Show when=move || screen.editing.with(Option::is_none)>
            <p>
                <button id=id type="button" class="button primary" on:click=move |_| screen.editing.set(Some(None))>
                    {t(label)}
                </button>
            </p>
        </Show>
    }
}

/// `data` while it loads, its error if it fails, else `show(data)`: for a page or a
/// section that needs something read before it can be shown. `loading_id` names
/// the loading line, for a test to wait on.
#[component]
pub fn WhenLoaded<T, V>(
    data: LocalResource<Result<T, ApiError>>,
    show: fn(T) -> V,
    #[prop(optional)] loading_id: Option<&'static str>,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    view! {
        <Transition fallback=move || view! { <p id=loading_id class="muted">{t("table.loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <crate::components::problem::ErrorsView errors /> }>
                {move || Suspend::new(async move { data.await.map(show) })}
            </ErrorBoundary>
        </Transition>
    }
}
