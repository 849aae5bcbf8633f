//! The steps of a transfer: ship a draft (every line or none), receive what
//! arrived (per line quantities typed in the table), and close with a discrepancy
//! (what is still in transit written down as missing, with a reason). Each answer
//! replaces the transfer shown; a refusal is shown above the buttons.

use aftersales_api_types::problem::Problem;
use aftersales_api_types::transfers::{
    CloseTransfer, MissingLine, ReceiveTransfer, TransferDto, TransferReceiptLine, TransferStatus,
};
use leptos::prelude::*;

use super::detail::Quantities;
use crate::api::{self, ApiError};
use crate::components::problem::{FieldErrors, ProblemView, browser_problem, without_fields};
use crate::components::toast::use_toasts;
use crate::i18n::number::latin_digits;
use crate::i18n::{t, use_i18n};
use crate::session::Session;

/// What a step asks of the server.
#[derive(Debug, Clone)]
enum Step {
    Ship,
    Receive(ReceiveTransfer),
    Close(CloseTransfer),
}

#[component]
pub fn Steps(session: Session, transfer: RwSignal<TransferDto>, quantities: Quantities) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let problem = RwSignal::new(None::<Problem>);
    let reason = RwSignal::new(String::new());
    let act = Action::new_local(move |step: &Step| {
        let step = step.clone();
        let (id, version) = transfer.with_untracked(|t| (t.id, t.version));
        async move {
            let (result, done): (Result<TransferDto, ApiError>, &'static str) = match &step {
                Step::Ship => (api::transfers::ship(session, id, version).await, "transfers.shipped_note"),
                Step::Receive(r) => (api::transfers::receive(session, id, version, r).await, "transfers.received_note"),
                Step::Close(c) => (api::transfers::close(session, id, version, c).await, "transfers.closed_note"),
            };
            match result {
                Ok(next) => {
                    quantities.with_value(|q| {
                        q.values().for_each(|s| {
                            s.try_set(String::new());
                        })
                    });
                    reason.try_set(String::new());
                    transfer.try_set(next);
                    toasts.show(i18n.text(done));
                }
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let status = move || transfer.with(|t| t.status);
    let ship = move |_| {
        problem.set(None);
        act.dispatch_local(Step::Ship);
    };
    let receive = move |_| match receipt(&transfer.get_untracked(), quantities) {
        Ok(request) => {
            problem.set(None);
            act.dispatch_local(Step::Receive(request));
        }
        Err(found) => problem.set(Some(found)),
    };
    // "Receive in whole": every line's input takes what is still in transit.
    let fill_all = move |_| {
        transfer.with_untracked(|t| {
            for line in &t.lines {
                if let Some(q) = quantities.with_value(|q| q.get(&line.part_id).copied()) {
                    q.set(if line.in_transit > 0 { line.in_transit.to_string() } else { String::new() });
                }
            }
        });
    };
    let close = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let note = reason.get_untracked().trim().to_owned();
        if note.is_empty() {
            problem.set(Some(browser_problem(&[("reason", "transfers.error.reason")])));
            return;
        }
        let lines = transfer.with_untracked(|t| {
            t.lines
                .iter()
                .filter(|l| l.in_transit > 0)
                .map(|l| MissingLine { part_id: l.part_id, missing: l.in_transit, note: note.clone() })
                .collect::<Vec<_>>()
        });
        problem.set(None);
        act.dispatch_local(Step::Close(CloseTransfer { lines }));
    };
    let problem_signal: Signal<Option<Problem>> = problem.into();
    let busy = move || act.pending().get();
    view! {
        <section id="transfer-steps" class="card transfer-steps">
            {move || problem.get().map(|p| view! { <div id="transfer-problem" class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div> })}
            <FieldErrors problem=problem_signal field="lines" id="transfer-lines" />
            <Show when=move || status() == TransferStatus::Draft>
                <p class="muted">{t("transfers.ship_hint")}</p>
                <button id="transfer-ship" type="button" class="button primary" on:click=ship disabled=busy>{t("transfers.ship")}</button>
            </Show>
            <Show when=move || matches!(status(), TransferStatus::Shipped | TransferStatus::PartiallyReceived)>
                <p class="muted">{t("transfers.receive_hint")}</p>
                <button id="transfer-fill-all" type="button" class="button secondary" on:click=fill_all>{t("transfers.fill_all")}</button>
                <button id="transfer-receive" type="button" class="button primary" on:click=receive disabled=busy>{t("transfers.receive")}</button>
                <form id="transfer-close" class="transfer-close" on:submit=close novalidate>
                    <h2>{t("transfers.close_title")}</h2>
                    <p class="muted">{t("transfers.close_hint")}</p>
                    <div class="field">
                        <label for="transfer-close-reason">{t("transfers.reason")}</label>
                        <input id="transfer-close-reason" type="text" maxlength="500" autocomplete="off" bind:value=reason
                            aria-describedby="transfer-close-reason-error" />
                        <FieldErrors problem=problem_signal field="reason" id="transfer-close-reason" />
                    </div>
                    <button id="transfer-close-submit" type="submit" class="button secondary" disabled=busy>{t("transfers.close")}</button>
                </form>
            </Show>
        </section>
    }
}

/// The typed quantities as a receipt: at least one, each from 1 to what is in transit.
fn receipt(transfer: &TransferDto, quantities: Quantities) -> Result<ReceiveTransfer, Problem> {
    let mut lines = Vec::new();
    for line in &transfer.lines {
        let text = quantities.with_value(|q| q.get(&line.part_id).map(|s| s.get_untracked())).unwrap_or_default();
        let text = latin_digits(text.trim());
        if text.is_empty() || text == "0" {
            continue;
        }
        match text.parse::<i64>() {
            Ok(q) if q >= 1 && q <= line.in_transit => {
                lines.push(TransferReceiptLine { part_id: line.part_id, quantity: q })
            }
            _ => return Err(browser_problem(&[("lines", "transfers.error.receive_quantity")])),
        }
    }
    if lines.is_empty() {
        return Err(browser_problem(&[("lines", "transfers.error.receive_none")]));
    }
    Ok(ReceiveTransfer { lines })
}
