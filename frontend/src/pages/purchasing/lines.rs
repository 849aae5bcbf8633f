//! The lines of a draft: a part (found by SKU or name with `GET /parts?q=…`), how
//! many, and what one costs. A line's mistakes stand in its row.

use aftersales_api_types::parts::PartDto;
use aftersales_api_types::problem::Problem;
use aftersales_api_types::purchasing::PurchaseLineInput;
use leptos::html::Input;
use leptos::prelude::*;
use uuid::Uuid;

use super::Lists;
use super::draft::line_input;
use crate::api;
use crate::i18n::{t, use_i18n};

/// One line as typed.
#[derive(Debug, Clone, Copy)]
pub struct LineDraft {
    pub key: u32,
    pub part_id: Uuid,
    pub quantity: RwSignal<String>,
    pub cost: RwSignal<String>,
}

impl LineDraft {
    pub fn new(key: u32, part_id: Uuid, quantity: String, cost: String) -> Self {
        Self { key, part_id, quantity: RwSignal::new(quantity), cost: RwSignal::new(cost) }
    }

    pub fn typed(&self) -> PurchaseLineInput {
        line_input(self.part_id, &self.quantity.get_untracked(), &self.cost.get_untracked())
    }
}

/// The messages of one line's fields (`lines[i].…`), in the reader's language
/// when they were found here.
pub fn line_messages(problem: Option<&Problem>, prefix: &str, text: impl Fn(&str) -> String) -> Vec<String> {
    problem
        .map(|p| p.errors.iter().filter(|e| e.field.starts_with(prefix)).map(|e| text(&e.message)).collect())
        .unwrap_or_default()
}

#[component]
pub fn LinesEditor(
    lists: Lists,
    lines: RwSignal<Vec<LineDraft>>,
    currency: Signal<String>,
    problem: Signal<Option<Problem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let search = NodeRef::<Input>::new();
    let query = RwSignal::new(None::<String>);
    let session = lists.session;
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
            if ls.iter().any(|l| l.part_id == part.id) {
                return;
            }
            let key = ls.iter().map(|l| l.key + 1).max().unwrap_or(0);
            let make = || LineDraft::new(key, part.id, super::field_number(i18n, 1), part.standard_cost.amount.clone());
            // The line's signals belong to the form, not to the search results that
            // are replaced by the next search.
            let line = owner.with_value(|o| o.as_ref().map(|o| o.with(make))).unwrap_or_else(make);
            ls.push(line);
        });
    };
    let numbered = move || lines.get().into_iter().enumerate().collect::<Vec<(usize, LineDraft)>>();
    let results = move || {
        found.get().map(|r| match r {
            Ok(parts) if parts.is_empty() && query.get().is_some() => {
                view! { <p id="po-part-none" class="muted">{t("purchasing.no_parts_found")}</p> }.into_any()
            }
            Ok(parts) => view! {
                <ul id="po-part-results" class="part-results">
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
                                        on:click=move |_| add(part.get_value())>{t("purchasing.add_line")}</button>
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
        // Inline: a fieldset is as wide as its table unless told otherwise, and this
        // must hold whatever the stylesheet does.
        <fieldset id="po-lines" class="po-lines" style="min-inline-size: 0; max-inline-size: 100%">
            <legend>{t("purchasing.lines")}</legend>
            <div class="table-wrap" style="position: relative">
                <table class="data" id="po-lines-table">
                    <caption class="visually-hidden">{t("purchasing.lines")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("purchasing.part")}</th>
                            <th scope="col">{t("purchasing.quantity")}</th>
                            <th scope="col">{move || i18n.format("purchasing.unit_cost_in", &[("currency", &currency.get())])}</th>
                            <th scope="col">{t("purchasing.line_total")}</th>
                            <th scope="col">{t("purchasing.remove")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=numbered key=|(i, l)| (*i, l.key) let:item>
                            <LineRow lists lines index=item.0 line=item.1 currency problem />
                        </For>
                        <Show when=move || lines.with(Vec::is_empty)>
                            <tr id="po-lines-empty">
                                <td colspan="5" class="muted">{t("purchasing.no_lines")}</td>
                            </tr>
                        </Show>
                    </tbody>
                </table>
            </div>
            <div class="field part-search">
                <label for="po-part-search">{t("purchasing.find_part")}</label>
                <div class="inline">
                    <input id="po-part-search" type="search" autocomplete="off" node_ref=search
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                run_search();
                            }
                        } />
                    <button id="po-part-search-button" type="button" class="button" on:click=move |_| run_search()>
                        {t("purchasing.search")}
                    </button>
                </div>
            </div>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>{results}</Transition>
        </fieldset>
    }
}

#[component]
fn LineRow(
    lists: Lists,
    lines: RwSignal<Vec<LineDraft>>,
    index: usize,
    line: LineDraft,
    currency: Signal<String>,
    problem: Signal<Option<Problem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let part = lists.part(line.part_id);
    let sku = part.as_ref().map_or_else(|| line.part_id.to_string(), |p| p.sku.clone());
    let name = part.map(|p| p.name).unwrap_or_default();
    let prefix = StoredValue::new(format!("lines[{index}]."));
    let messages = move || {
        problem.with(|p| {
            prefix.with_value(|prefix| {
                line_messages(p.as_ref(), prefix, |m| i18n.text_dynamic(m).map_or_else(|| m.to_owned(), str::to_owned))
            })
        })
    };
    let total = move || {
        let typed = line_input(line.part_id, &line.quantity.get(), &line.cost.get());
        let c = currency.get();
        crate::i18n::number::parse_amount(&typed.unit_cost, &c)
            .map(|minor| i18n.money_minor(minor.saturating_mul(typed.quantity), &c))
            .unwrap_or_default()
    };
    let quantity_id = format!("po-line-{index}-quantity");
    let cost_id = format!("po-line-{index}-cost");
    let remove = move |_| lines.update(|ls| ls.retain(|l| l.key != line.key));
    let has_error = move || !messages().is_empty();
    view! {
        <tr class="po-line" data-sku=sku.clone() class:invalid=has_error>
            <td>
                <a href="/stock" class="code"><bdi>{sku.clone()}</bdi></a>
                <span class="muted part-name">{name}</span>
                <Show when=has_error>
                    <p class="field-error line-error" role="alert">{move || messages().join(" ")}</p>
                </Show>
            </td>
            <td>
                <label for=quantity_id.clone() class="visually-hidden">{t("purchasing.quantity")}</label>
                <input id=quantity_id type="text" inputmode="numeric" class="line-quantity" size="6" autocomplete="off"
                    bind:value=line.quantity aria-invalid=move || has_error().to_string() />
            </td>
            <td>
                <label for=cost_id.clone() class="visually-hidden">{t("purchasing.unit_cost")}</label>
                <input id=cost_id type="text" inputmode="decimal" class="line-cost" size="10" autocomplete="off" dir="ltr"
                    bind:value=line.cost aria-invalid=move || has_error().to_string() />
            </td>
            <td class="num line-total">{total}</td>
            <td>
                <button type="button" class="button link line-remove" on:click=remove>{t("purchasing.remove")}</button>
            </td>
        </tr>
    }
}
