//! `/tickets/:id/receipt`: what the customer takes home, as the app shows it
//! (ticket number, tracking code with its QR code, customer, unit, faults, what
//! came in, the warranty decision, the date), printable with the app's frame
//! hidden; and the server's own A5 copy in the customer's language on demand.

use aftersales_api_types::customers::CustomerDto;
use aftersales_api_types::tickets::TicketDto;
use futures::future::join4;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::api;
use crate::api::ApiError;
use crate::components::problem::ProblemView;
use crate::components::warranty_decision::DecisionView;
use crate::i18n::date::iso_instant;
use crate::i18n::labels::{ticket_kind_key, warranty_status_key};
use crate::i18n::{t, use_i18n};
use crate::session::{Session, use_session};

/// The tracking code in groups of four, as printed.
fn grouped(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
}

#[derive(Clone)]
struct Receipt {
    ticket: TicketDto,
    customer: Option<CustomerDto>,
    serial: Option<String>,
    model: Option<String>,
    qr: Option<String>,
}

async fn load(session: Session, id: Uuid) -> Result<Receipt, ApiError> {
    let ticket = api::reference::ticket(session, id).await?;
    let (serial_id, model_id, customer_id) = (ticket.serial_id, ticket.model_id, ticket.customer_id);
    let serial = async move {
        match serial_id {
            Some(id) => api::tickets::serial_text(session, id).await,
            None => None,
        }
    };
    let model = async move {
        match model_id {
            Some(id) => api::tickets::model_name(session, id).await,
            None => None,
        }
    };
    let (customer, serial, model, qr) =
        join4(api::reference::customer(session, customer_id), serial, model, api::intake::qr_data_url(session, id))
            .await;
    Ok(Receipt { ticket, customer: customer.ok(), serial, model, qr: qr.ok() })
}

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|s| Uuid::parse_str(&s).ok()));
    let receipt = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => Some(load(session, id).await),
                None => None,
            }
        }
    });
    let body = move || {
        receipt.get().map(|answer| match answer {
            Some(Ok(receipt)) => view! { <ReceiptView receipt /> }.into_any(),
            Some(Err(e)) => {
                view! { <div class="alert" role="alert"><ProblemView problem=e.problem /></div> }.into_any()
            }
            None => view! { <p class="muted">{t("intake.receipt_missing")}</p> }.into_any(),
        })
    };
    view! {
        <section class="page receipt-page">
            <Transition fallback=|| view! { <p id="receipt-loading" class="muted" role="status">{t("table.loading")}</p> }>
                {body}
            </Transition>
        </section>
    }
}

#[component]
fn ReceiptView(receipt: Receipt) -> impl IntoView {
    let i18n = use_i18n();
    let Receipt { ticket, customer, serial, model, qr } = receipt;
    let created = ticket.created_at;
    let (name, phones) = customer
        .map(|c| (c.name, c.phones.into_iter().map(|p| p.number).collect::<Vec<_>>().join(", ")))
        .unwrap_or_default();
    let faults = ticket.fault_codes.join(", ");
    let accessories = ticket.accessories.clone();
    let qr_view = match qr {
        Some(src) => {
            view! { <img id="receipt-qr" class="receipt-qr" src=src alt=t("intake.qr_alt") width="160" height="160" /> }
                .into_any()
        }
        None => view! { <p id="receipt-qr-missing" class="muted">{t("intake.qr_missing")}</p> }.into_any(),
    };
    let decision = ticket.warranty.clone().map(|d| view! { <DecisionView answer=Ok(d) /> });
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <article id="receipt" class="card receipt" data-id=ticket.id.to_string()>
            <header class="receipt-head">
                <div>
                    <h1>{t("intake.receipt_title")}</h1>
                    <p class="muted">{t(ticket_kind_key(ticket.kind))}</p>
                </div>
                {qr_view}
            </header>
            <dl class="profile receipt-facts">
                <dt>{t("intake.ticket_number")}</dt>
                <dd id="receipt-number" class="code"><bdi>{ticket.number.clone()}</bdi></dd>
                <dt>{t("intake.tracking_code")}</dt>
                <dd id="receipt-tracking" class="code" data-code=ticket.tracking_code.clone()>
                    <bdi dir="ltr">{grouped(&ticket.tracking_code)}</bdi>
                </dd>
                <dt>{t("intake.date")}</dt>
                <dd><time id="receipt-date" datetime=iso_instant(created)>{move || i18n.date_time(created)}</time></dd>
                <dt>{t("intake.customer")}</dt>
                <dd id="receipt-customer"><bdi>{name}</bdi> " · " <bdi dir="ltr">{phones}</bdi></dd>
                <dt>{t("intake.unit")}</dt>
                <dd id="receipt-unit">
                    <bdi class="code">{serial.unwrap_or_else(|| "—".to_owned())}</bdi> " · " <bdi>{model.unwrap_or_default()}</bdi>
                </dd>
                <dt>{t("intake.faults")}</dt>
                <dd id="receipt-faults"><bdi>{faults}</bdi> <p dir="auto">{ticket.fault_description.clone()}</p></dd>
                <dt>{t("intake.accessories")}</dt>
                <dd id="receipt-accessories">
                    <bdi>{move || if accessories.is_empty() { "—".to_owned() } else { i18n.list(&accessories) }}</bdi>
                </dd>
                <dt>{t("intake.condition")}</dt>
                <dd id="receipt-condition" dir="auto">{ticket.condition_notes.clone().unwrap_or_else(|| "—".to_owned())}</dd>
                <dt>{t("intake.warranty")}</dt>
                <dd id="receipt-warranty" data-status=format!("{:?}", ticket.warranty_status)>
                    {t(warranty_status_key(ticket.warranty_status))}
                </dd>
            </dl>
            {decision}
            <div class="actions no-print">
                <button id="receipt-print" type="button" class="button primary" on:click=print>{t("intake.print")}</button>
                <a id="receipt-new" class="button secondary" href="/tickets/new">{t("intake.new_ticket")}</a>
                <a class="button secondary" href="/tickets">{t("intake.back_to_list")}</a>
            </div>
            <ServerCopy id=ticket.id />
        </article>
    }
}

/// The server's A5 receipt (`GET /tickets/{id}/receipt`) in the app's language,
/// shown in a frame when asked for.
#[component]
fn ServerCopy(id: Uuid) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let html = RwSignal::new(None::<Result<String, ApiError>>);
    let open = move |_| {
        let lang = i18n.locale().code();
        spawn_local(async move { html.set(Some(api::intake::receipt_html(session, id, lang).await)) });
    };
    view! {
        <div class="no-print receipt-copy">
            <button id="receipt-a5" type="button" class="button secondary" on:click=open>{t("intake.server_copy")}</button>
            {move || html.get().map(|answer| match answer {
                Ok(html) => view! { <iframe id="receipt-a5-frame" class="receipt-frame" title=t("intake.server_copy") srcdoc=html sandbox=""></iframe> }.into_any(),
                Err(e) => view! { <ProblemView problem=e.problem /> }.into_any(),
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn the_tracking_code_reads_in_fours() {
        assert_eq!(grouped("ABCD2345WXYZ"), "ABCD 2345 WXYZ");
    }
}
