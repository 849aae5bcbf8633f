//! `/part-sales/new`: a new counter sale — the warehouse it leaves, who buys, the
//! lines and the total (by the server's pricing rule), a note. The server's answer
//! is the sale: once made, its slip is shown. Mistakes stand beside their fields,
//! a line's in its row.

use std::collections::HashMap;

use aftersales_api_types::part_sales::{NewPartSale, PartSaleDto};
use aftersales_api_types::problem::{FieldError, Problem};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use super::buyer::{Buyer, BuyerFields};
use super::lines::{LinesEditor, SaleLine};
use super::pricing::{quote, request_line};
use super::{Lists, WithLists, may_sell};
use crate::api;
use crate::components::problem::{FieldErrors, ProblemView, browser_problem_of, without_fields};
use crate::i18n::{t, use_i18n};

#[component]
pub fn NewPartSalePage() -> impl IntoView {
    view! {
        <section class="page part-sale-new-page">
            <p class="back"><a href="/part-sales">{t("part_sales.back")}</a></p>
            <h1 id="sale-form-title">{t("part_sales.new_title")}</h1>
            <WithLists page=|lists| view! { <SaleForm lists /> } />
        </section>
    }
}

#[component]
fn SaleForm(lists: Lists) -> impl IntoView {
    let i18n = use_i18n();
    let session = lists.session;
    let navigate = use_navigate();
    let open = lists.warehouse_options(true);
    let warehouse = RwSignal::new(if open.len() == 1 { open[0].0.to_string() } else { String::new() });
    let buyer = Buyer::new();
    let lines = RwSignal::new(Vec::<SaleLine>::new());
    let note = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let problem_signal: Signal<Option<Problem>> = problem.into();
    let balances = LocalResource::new(move || {
        let id = Uuid::parse_str(&warehouse.get()).ok();
        async move {
            match id {
                Some(id) => api::stock::balances(session, id)
                    .await
                    .ok()
                    .map(|ls| ls.into_iter().map(|l| (l.part_id, l.available)).collect::<HashMap<_, _>>()),
                None => None,
            }
        }
    });
    let available = Signal::derive(move || balances.get().flatten());
    // The sale's currency is its first part's; the total by the same rule as the server.
    let currency =
        Memo::new(move |_| lines.with(|ls| ls.first().map(|l| l.part.with_value(|p| p.price.currency.clone()))));
    let total = move || {
        let currency = currency.get()?;
        let sum = lines.with(|ls| {
            ls.iter().try_fold(0i64, |sum, l| {
                let price = l.part.get_value().price;
                let q = quote(&price, &l.typed()).ok()?;
                (price.currency == currency).then_some(sum.checked_add(q.total_minor)?)
            })
        });
        Some(sum.map_or_else(|| "—".to_owned(), |minor| i18n.money_minor(minor, &currency)))
    };
    let saved = Callback::new(move |sale: PartSaleDto| {
        navigate(&format!("/part-sales/{}", sale.id), NavigateOptions::default());
    });
    let save = Action::new_local(move |body: &NewPartSale| {
        let body = body.clone();
        async move {
            match api::part_sales::create(session, &body).await {
                Ok(sale) => saved.run(sale),
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match build(&warehouse.get_untracked(), buyer, &lines.get_untracked(), &note.get_untracked()) {
            Ok(body) => {
                problem.set(None);
                save.dispatch_local(body);
            }
            Err(found) => problem.set(Some(found)),
        }
    };
    // A problem with fields is shown beside them (in the reader's words); above the
    // form only a word that there is something to fix.
    let form_problem = move || {
        problem.get().map(|p| {
            let inner = if p.errors.is_empty() {
                view! { <ProblemView problem=without_fields(&p) /> }.into_any()
            } else {
                view! { <p>{t("part_sales.error.check")}</p> }.into_any()
            };
            view! { <div id="sale-problem" class="alert" role="alert">{inner}</div> }
        })
    };
    let open = StoredValue::new(open);
    let options = move || {
        open.get_value()
            .into_iter()
            .map(|(id, code, label)| view! { <option value=id.to_string() data-code=code>{label}</option> })
            .collect_view()
    };
    view! {
        <Show when=move || may_sell(session) fallback=|| view! { <p class="muted">{t("part_sales.may_not_sell")}</p> }>
            <form id="sale-form" class="card sale-form" on:submit=submit novalidate>
                {form_problem}
                <div class="field">
                    <label for="sale-warehouse">{t("part_sales.from_warehouse")}</label>
                    <select id="sale-warehouse" bind:value=warehouse aria-describedby="sale-warehouse-error">
                        <option value="">{t("part_sales.choose_warehouse")}</option>
                        {options}
                    </select>
                    <FieldErrors problem=problem_signal field="warehouse_id" id="sale-warehouse" />
                </div>
                <BuyerFields session buyer problem=problem_signal />
                <LinesEditor session lines available problem=problem_signal />
                <FieldErrors problem=problem_signal field="lines" id="sale-lines" />
                <FieldErrors problem=problem_signal field="currency" id="sale-currency" />
                <p class="sale-total">
                    <strong>{t("part_sales.total")}</strong> " "
                    <span id="sale-total">{move || total().unwrap_or_else(|| "—".to_owned())}</span>
                </p>
                <div class="field">
                    <label for="sale-note">{t("part_sales.note")}</label>
                    <input id="sale-note" type="text" maxlength="1000" autocomplete="off" bind:value=note />
                    <FieldErrors problem=problem_signal field="note" id="sale-note" />
                </div>
                <div class="actions">
                    <button id="sale-save" type="submit" class="button primary" disabled=move || save.pending().get()>
                        {move || i18n.text(if save.pending().get() { "part_sales.selling" } else { "part_sales.sell" })}
                    </button>
                </div>
            </form>
        </Show>
    }
}

/// The request, or a problem naming every field not right yet.
fn build(warehouse: &str, buyer: Buyer, lines: &[SaleLine], note: &str) -> Result<NewPartSale, Problem> {
    let mut errors = Vec::new();
    let mut fail = |field: String, key: &str| errors.push(FieldError::new(field, "invalid".to_owned(), key.to_owned()));
    let warehouse_id = Uuid::parse_str(warehouse).ok();
    if warehouse_id.is_none() {
        fail("warehouse_id".into(), "part_sales.error.warehouse");
    }
    if lines.is_empty() {
        fail("lines".into(), "part_sales.error.no_lines");
    }
    let currency = lines.first().map(|l| l.part.with_value(|p| p.price.currency.clone())).unwrap_or_default();
    let mut sent = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let (part_id, price) = line.part.with_value(|p| (p.id, p.price.clone()));
        let typed = line.typed();
        if price.currency != currency {
            fail(format!("lines[{i}].part_id"), "part_sales.error.currency");
            continue;
        }
        match quote(&price, &typed) {
            Ok(q) if q.deviates && typed.reason.trim().is_empty() => {
                fail(format!("lines[{i}].price_reason"), "part_sales.error.reason")
            }
            Ok(q) => sent.push(request_line(part_id, &price, &typed, q)),
            Err((field, key)) => fail(format!("lines[{i}].{field}"), key),
        }
    }
    if !errors.is_empty() {
        return Err(browser_problem_of(errors));
    }
    let text = |s: String| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let customer = buyer.customer.get_untracked().map(|c| c.id);
    let (name, phone) = match customer {
        Some(_) => (None, None),
        None => (text(buyer.name.get_untracked()), text(buyer.phone.get_untracked())),
    };
    Ok(NewPartSale {
        warehouse_id: warehouse_id.unwrap_or_default(),
        customer_id: customer,
        customer_name: name,
        customer_phone: phone,
        currency,
        lines: sent,
        note: text(note.to_owned()),
    })
}
