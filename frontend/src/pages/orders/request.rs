//! A buyer's return or exchange of one unit (`POST /orders/{id}/returns`): what
//! they ask for and why. It opens a return/exchange ticket on which the unit is
//! inspected before the network decides.

use aftersales_api_types::orders::{RequestReturn, ReturnKind};
use aftersales_api_types::problem::Problem;
use leptos::prelude::*;

use super::detail::{OrderView, line_label};
use super::kind_key;
use crate::api;
use crate::components::problem::browser_problem;
use crate::components::problem::{FieldGroupErrors, names_any};
use crate::components::screen::form_problem;
use crate::components::toast::use_toasts;
use crate::i18n::{t, use_i18n};

#[component]
pub fn RequestForm(view: OrderView, line_no: u32, on_close: Callback<()>) -> impl IntoView {
    let session = view.names.session;
    let i18n = use_i18n();
    let toasts = use_toasts();
    let id = view.order.with_value(|o| o.id);
    let kind = RwSignal::new(ReturnKind::Return.as_str().to_owned());
    let reason = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let errors: Signal<Option<Problem>> = problem.into();
    let ask = Action::new_local(move |body: &RequestReturn| {
        let body = body.clone();
        async move {
            match api::orders::request_return(session, id, &body).await {
                Ok(_) => {
                    toasts.show(i18n.text("orders.return_asked"));
                    view.changed();
                }
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let why = reason.get_untracked().trim().to_owned();
        if why.is_empty() {
            problem.set(Some(browser_problem(&[("reason", "orders.error.reason")])));
            return;
        }
        problem.set(None);
        let kind = ReturnKind::parse(&kind.get_untracked()).unwrap_or(ReturnKind::Return);
        ask.dispatch_local(RequestReturn { line_no, kind, reason: why });
    };
    let kind_options = ReturnKind::ALL
        .iter()
        .map(|k| {
            let k = *k;
            view! { <option value=k.as_str() selected=move || kind.get() == k.as_str()>{t(kind_key(k))}</option> }
        })
        .collect_view();
    let reason_fields = vec!["reason".to_owned()];
    let marked = reason_fields.clone();
    let title = line_label(line_no);
    view! {
        <form id="order-return-form" class="card settings-form" data-line=line_no on:submit=submit novalidate>
            <h2>{t("orders.return_title")}" — "{title}</h2>
            <p class="hint muted">{t("orders.return_hint")}</p>
            {form_problem(problem, "order-return-problem")}
            <div class="form-grid">
                <div class="field">
                    <label for="order-return-kind">{t("orders.return_kind")}</label>
                    <select id="order-return-kind" on:change=move |ev| kind.set(event_target_value(&ev))>{kind_options}</select>
                    <FieldGroupErrors problem=errors fields=vec!["kind".to_owned(), "line_no".to_owned()] id="order-return-kind".to_owned() />
                </div>
                <div class="field wide">
                    <label for="order-return-reason">{t("orders.reason")}</label>
                    <textarea id="order-return-reason" rows="3" dir="auto" maxlength="1000" bind:value=reason
                        aria-invalid=move || problem.with(|p| names_any(p.as_ref(), &marked)).to_string()
                        aria-describedby="order-return-reason-error"></textarea>
                    <FieldGroupErrors problem=errors fields=reason_fields id="order-return-reason".to_owned() />
                </div>
            </div>
            <div class="form-actions">
                <button id="order-return-submit" type="submit" class="button primary" disabled=move || ask.pending().get()>
                    {t("orders.ask")}
                </button>
                <button id="order-return-cancel" type="button" class="button secondary" on:click=move |_| on_close.run(())>
                    {t("orders.cancel")}
                </button>
            </div>
        </form>
    }
}
