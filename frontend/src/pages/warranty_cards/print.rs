//! `/warranty-cards/batches/{id}`: every number of a batch, laid out to print
//! (the browser's print dialog; the app's frame is left off the paper).

use aftersales_api_types::warranty_cards::CardBatchDto;
use aftersales_domain::warranty_cards::{card_number, parse_card_number};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::api;
use crate::components::problem::ProblemView;
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};
use crate::session::use_session;
use crate::tr;

/// The batch's numbers, first to last (each sequence with its check digit).
fn numbers(batch: &CardBatchDto) -> Vec<String> {
    match parse_card_number(&batch.first_number) {
        Some((prefix, first)) => (0..batch.count).map(|i| card_number(&prefix, first.saturating_add(i))).collect(),
        None => vec![batch.first_number.clone(), batch.last_number.clone()],
    }
}

#[component]
pub fn CardBatchPrintPage() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| Uuid::parse_str(&id).ok())));
    let found = LocalResource::new(move || {
        let id = id.get();
        async move {
            let batches = api::warranty_cards::batches(session).await?;
            let batch = batches.into_iter().find(|b| Some(b.id) == id);
            let brand = match &batch {
                Some(b) => api::reference::brand(session, b.brand_id).await.ok().map(|b| b.name),
                None => None,
            };
            Ok::<_, api::ApiError>(batch.map(|b| (b, brand)))
        }
    });
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let body = move || {
        Suspend::new(async move {
            match found.await {
                Ok(Some((batch, brand))) => {
                    let at = batch.issued_at;
                    let count = i64::from(batch.count);
                    let items = numbers(&batch)
                        .into_iter()
                        .map(|n| view! { <li class="code" dir="ltr">{n}</li> })
                        .collect_view();
                    view! {
                        <header class="cards-print-head" data-id=batch.id.to_string()>
                            <h1 id="cards-print-title">
                                {tr!("cards.print_title", prefix = batch.prefix.clone())}
                            </h1>
                            <p>
                                <bdi>{brand.unwrap_or_default()}</bdi>
                                " · "
                                {move || i18n.format("cards.print_count", &[("count", &i18n.number(count))])}
                                " · "
                                <time datetime=iso_instant(at)>{move || i18n.instant_date(at)}</time>
                            </p>
                            {batch.note.map(|n| view! { <p><bdi>{n}</bdi></p> })}
                        </header>
                        <p class="no-print">
                            <button id="cards-print" type="button" class="button primary" on:click=print>
                                {t("cards.print")}
                            </button>
                        </p>
                        <ol id="card-numbers" class="card-numbers" data-count=batch.count.to_string()>{items}</ol>
                    }
                    .into_any()
                }
                Ok(None) => view! {
                    <div id="cards-print-missing" class="card empty-state" role="status">
                        <p class="empty-title">{t("cards.batch_missing")}</p>
                    </div>
                }
                .into_any(),
                Err(e) => view! { <div class="alert" role="alert"><ProblemView problem=e.problem /></div> }.into_any(),
            }
        })
    };
    view! {
        <section class="page cards-print-page">
            <p class="no-print"><A href="/warranty-cards">{t("cards.back")}</A></p>
            <Transition fallback=|| view! { <p class="muted" role="status">{t("table.loading")}</p> }>{body}</Transition>
        </section>
    }
}
