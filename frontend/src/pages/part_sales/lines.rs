//! The lines of a new sale: a part (found by SKU or name), how many, at what
//! price, with a discount and its reason; each line's total by the server's rule,
//! what the chosen warehouse has of the part, and the line's mistakes in its row
//! (a shelf that cannot fill it, in words).

use std::collections::HashMap;

use aftersales_api_types::parts::PartDto;
use aftersales_api_types::problem::{FieldError, Problem};
use leptos::html::Input;
use leptos::prelude::*;
use uuid::Uuid;

use super::pricing::{TypedLine, quote};
use crate::api;
use crate::components::problem::field_message;
use crate::i18n::{I18n, t, use_i18n};
use crate::session::Session;

/// One line as typed.
#[derive(Debug, Clone, Copy)]
pub struct SaleLine {
    pub key: u32,
    pub part: StoredValue<PartDto>,
    pub quantity: RwSignal<String>,
    pub unit_price: RwSignal<String>,
    pub discount: RwSignal<String>,
    pub reason: RwSignal<String>,
}

impl SaleLine {
    pub fn typed(&self) -> TypedLine {
        TypedLine {
            quantity: self.quantity.get(),
            unit_price: self.unit_price.get(),
            discount: self.discount.get(),
            reason: self.reason.get(),
        }
    }
}

/// A line's message in the reader's words; a short shelf says how many are there.
fn line_message(i18n: I18n, e: &FieldError) -> String {
    if e.code == "insufficient_stock" {
        let available: String = e.message.chars().take_while(|c| c.is_ascii_digit() || *c == '-').collect();
        let available = available.parse::<i64>().map(|n| i18n.number(n)).unwrap_or(available);
        return i18n.format("part_sales.error.short", &[("available", &available)]);
    }
    field_message(&i18n, e)
}

#[component]
pub fn LinesEditor(
    session: Session,
    lines: RwSignal<Vec<SaleLine>>,
    /// What the chosen warehouse has available, by part.
    available: Signal<Option<HashMap<Uuid, i64>>>,
    problem: Signal<Option<Problem>>,
) -> impl IntoView {
    let search = NodeRef::<Input>::new();
    let query = RwSignal::new(None::<String>);
    let found = LocalResource::new(move || {
        let q = query.get();
        async move {
            match q {
                Some(q) => api::parts::find_in_use(session, q).await,
                None => Ok(Vec::new()),
            }
        }
    });
    let run_search = move || query.set(Some(search.get().map(|i| i.value()).unwrap_or_default().trim().to_owned()));
    let owner = StoredValue::new_local(Owner::current());
    let add = move |part: PartDto| {
        lines.update(|ls| {
            if ls.iter().any(|l| l.part.with_value(|p| p.id) == part.id) {
                return;
            }
            let key = ls.iter().map(|l| l.key + 1).max().unwrap_or(0);
            let make = || SaleLine {
                key,
                unit_price: RwSignal::new(part.price.amount.clone()),
                part: StoredValue::new(part.clone()),
                quantity: RwSignal::new("1".to_owned()),
                discount: RwSignal::new(String::new()),
                reason: RwSignal::new(String::new()),
            };
            // The line's signals belong to the form, not to the search results.
            let line = owner.with_value(|o| o.as_ref().map(|o| o.with(make))).unwrap_or_else(make);
            ls.push(line);
        });
    };
    let numbered = move || lines.get().into_iter().enumerate().collect::<Vec<(usize, SaleLine)>>();
    let results = move || {
        found.get().map(|r| match r {
            Ok(parts) if parts.is_empty() && query.get().is_some() => {
                view! { <p id="sale-part-none" class="muted">{t("part_sales.no_parts_found")}</p> }.into_any()
            }
            Ok(parts) => view! {
                <ul id="sale-part-results" class="part-results">
                    {parts
                        .into_iter()
                        .map(|p| {
                            let label = format!("{} — {}", p.sku, p.name);
                            let sku = p.sku.clone();
                            let part = StoredValue::new(p);
                            view! {
                                <li>
                                    <span><bdi>{label}</bdi></span>
                                    " "
                                    <button type="button" class="button link part-add" data-sku=sku
                                        on:click=move |_| add(part.get_value())>{t("part_sales.add_line")}</button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any(),
            Err(e) => view! { <p class="field-error" role="alert">{e.problem.title}</p> }.into_any(),
        })
    };
    view! {
        <fieldset id="sale-lines" class="sale-lines" style="min-inline-size: 0; max-inline-size: 100%">
            <legend>{t("part_sales.lines")}</legend>
            // Positioned, so that the rows' hidden labels scroll with the table.
            <div class="table-wrap" style="position: relative">
                <table class="data" id="sale-lines-table">
                    <caption class="visually-hidden">{t("part_sales.lines")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("part_sales.part")}</th>
                            <th scope="col">{t("part_sales.available")}</th>
                            <th scope="col">{t("part_sales.quantity")}</th>
                            <th scope="col">{t("part_sales.unit_price")}</th>
                            <th scope="col">{t("part_sales.discount")}</th>
                            <th scope="col">{t("part_sales.line_total")}</th>
                            <th scope="col">{t("part_sales.remove")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=numbered key=|(i, l)| (*i, l.key) let:item>
                            <LineRow lines index=item.0 line=item.1 available problem />
                        </For>
                        <Show when=move || lines.with(Vec::is_empty)>
                            <tr id="sale-lines-empty">
                                <td colspan="7" class="muted">{t("part_sales.no_lines")}</td>
                            </tr>
                        </Show>
                    </tbody>
                </table>
            </div>
            <div class="field part-search">
                <label for="sale-part-search">{t("part_sales.find_part")}</label>
                <div class="inline">
                    <input id="sale-part-search" type="search" autocomplete="off" node_ref=search
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                run_search();
                            }
                        } />
                    <button id="sale-part-search-button" type="button" class="button" on:click=move |_| run_search()>
                        {t("part_sales.search")}
                    </button>
                </div>
            </div>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>{results}</Transition>
        </fieldset>
    }
}

#[component]
fn LineRow(
    lines: RwSignal<Vec<SaleLine>>,
    index: usize,
    line: SaleLine,
    available: Signal<Option<HashMap<Uuid, i64>>>,
    problem: Signal<Option<Problem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let part = line.part.get_value();
    let (part_id, sku, name, price) = (part.id, part.sku, part.name, part.price);
    let prefix = StoredValue::new(format!("lines[{index}]."));
    let messages = move || {
        problem.with(|p| {
            prefix.with_value(|prefix| {
                p.as_ref()
                    .map(|p| {
                        p.errors.iter().filter(|e| e.field.starts_with(prefix)).map(|e| line_message(i18n, e)).collect()
                    })
                    .unwrap_or_else(Vec::new)
            })
        })
    };
    let price_shown = price.clone();
    let quoted = Memo::new(move |_| quote(&price_shown, &line.typed()).ok());
    let currency = price.currency.clone();
    let total = move || quoted.get().map(|q| i18n.money_minor(q.total_minor, &currency)).unwrap_or_default();
    let deviates = move || quoted.get().is_some_and(|q| q.deviates);
    let on_shelf = move || {
        available.get().map(|a| i18n.number(a.get(&part_id).copied().unwrap_or(0))).unwrap_or_else(|| "—".to_owned())
    };
    let ids = move |what: &str| format!("sale-line-{index}-{what}");
    let remove = move |_| lines.update(|ls| ls.retain(|l| l.key != line.key));
    let has_error = move || !messages().is_empty();
    let list_price = move || i18n.money(&price.amount, &price.currency);
    view! {
        <tr class="sale-line" data-sku=sku.clone() class:invalid=has_error>
            <td>
                <bdi class="code">{sku.clone()}</bdi>
                " "
                <span class="muted part-name">{name}</span>
                <p class="muted list-price">{t("part_sales.list_price")} " " {list_price}</p>
                <Show when=deviates>
                    <label for=ids("reason") class="reason-label">{t("part_sales.price_reason")}</label>
                    <input id=ids("reason") type="text" class="line-reason" maxlength="500" autocomplete="off"
                        bind:value=line.reason />
                </Show>
                <Show when=has_error>
                    <p class="field-error line-error" role="alert">{move || messages().join(" ")}</p>
                </Show>
            </td>
            <td class="num on-shelf">{on_shelf}</td>
            <td>
                <label for=ids("quantity") class="visually-hidden">{t("part_sales.quantity")}</label>
                <input id=ids("quantity") type="text" inputmode="numeric" class="line-quantity" size="5" autocomplete="off"
                    bind:value=line.quantity aria-invalid=move || has_error().to_string() />
            </td>
            <td>
                <label for=ids("price") class="visually-hidden">{t("part_sales.unit_price")}</label>
                <input id=ids("price") type="text" inputmode="decimal" class="line-price" size="9" autocomplete="off" dir="ltr"
                    bind:value=line.unit_price />
            </td>
            <td>
                <label for=ids("discount") class="visually-hidden">{t("part_sales.discount")}</label>
                <input id=ids("discount") type="text" inputmode="decimal" class="line-discount" size="7" autocomplete="off" dir="ltr"
                    bind:value=line.discount />
            </td>
            <td class="num line-total">{total}</td>
            <td>
                <button type="button" class="button link line-remove" on:click=remove>{t("part_sales.remove")}</button>
            </td>
        </tr>
    }
}
