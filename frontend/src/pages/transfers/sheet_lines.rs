//! The lines of a count sheet: expected, on hand, the count (an input while the
//! sheet is open), the variance and its value; and "a part found on the shelf".

use aftersales_api_types::problem::Problem;
use aftersales_api_types::stocktakes::{CountLine, StocktakeCounts, StocktakeLineDto};
use leptos::prelude::*;
use uuid::Uuid;

use super::sheet::Sheet;
use crate::api;
use crate::i18n::number::latin_digits;
use crate::i18n::{I18n, t, use_i18n};

const COLUMNS: &[&str] = &[
    "transfers.sku",
    "transfers.part",
    "stocktakes.expected",
    "stocktakes.on_hand",
    "stocktakes.counted",
    "stocktakes.variance",
    "stocktakes.variance_value",
];

/// A problem found in the browser (the detail is a catalogue key's text).
fn local_problem(i18n: I18n, key: &'static str) -> Problem {
    Problem {
        problem_type: "about:blank".to_owned(),
        title: i18n.text("problem.validation_failed").to_owned(),
        status: 422,
        code: "validation_failed".to_owned(),
        detail: Some(i18n.text(key).to_owned()),
        errors: Vec::new(),
    }
}

fn parse_count(text: &str) -> Option<Option<i64>> {
    let text = latin_digits(text.trim());
    if text.is_empty() {
        return Some(None);
    }
    text.parse::<i64>().ok().filter(|c| (0..=10_000_000).contains(c)).map(Some)
}

/// Saves every typed count that differs from the saved one, plus `extra`.
pub async fn save_counts(s: Sheet, i18n: I18n, extra: Vec<CountLine>) {
    let mut lines = extra;
    let saved = s.sheet.with_untracked(|x| x.lines.clone());
    for line in &saved {
        let typed = s.count_of(line.part_id, line.counted).get_untracked();
        match parse_count(&typed) {
            Some(Some(counted)) if Some(counted) != line.counted => {
                lines.push(CountLine { part_id: line.part_id, counted })
            }
            Some(_) => {}
            None => {
                s.flagged.try_update(|f| {
                    f.insert(line.part_id, "stocktakes.error.count");
                });
                s.problem.try_set(Some(local_problem(i18n, "stocktakes.error.count")));
                return;
            }
        }
    }
    if lines.is_empty() {
        s.problem.try_set(Some(local_problem(i18n, "stocktakes.error.nothing")));
        return;
    }
    let id = s.sheet.with_untracked(|x| x.id);
    match api::transfers::count(s.session, id, &StocktakeCounts { lines }).await {
        Ok(next) => {
            s.flagged
                .try_update(|f| f.retain(|id, _| next.lines.iter().any(|l| l.part_id == *id && l.counted.is_none())));
            s.show(next);
        }
        Err(e) => {
            s.problem.try_set(Some(e.problem));
        }
    }
}

#[component]
pub fn SheetLines(s: Sheet) -> impl IntoView {
    let rows = move || {
        let lines = s.sheet.with(|x| x.lines.clone());
        if lines.is_empty() {
            return view! { <tr id="stocktake-empty"><td colspan=COLUMNS.len() class="muted">{t("stocktakes.empty")}</td></tr> }.into_any();
        }
        lines.into_iter().map(|line| view! { <LineRow s line /> }).collect_view().into_any()
    };
    view! {
        <div class="table-wrap">
            <table id="stocktake-lines" class="data">
                <caption class="visually-hidden">{t("stocktakes.lines")}</caption>
                <thead>
                    <tr>{COLUMNS.iter().map(|c| view! { <th scope="col">{t(c)}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn LineRow(s: Sheet, line: StocktakeLineDto) -> impl IntoView {
    let i18n = use_i18n();
    let part_id = line.part_id;
    let count = s.count_of(part_id, line.counted);
    let input_id = format!("count-{}", line.sku);
    let error_id = format!("count-{}-error", line.sku);
    let error_id2 = error_id.clone();
    let flag = move || s.flagged.with(|f| f.get(&part_id).copied());
    let currency = line.currency.clone();
    let counted = line.counted;
    let sku = line.sku.clone();
    let counted_cell = move || {
        if s.counting() {
            let label = i18n.format("stocktakes.count_label", &[("sku", &sku)]);
            view! {
                <label class="visually-hidden" for=input_id.clone()>{label}</label>
                <input id=input_id.clone() class="count-input" type="text" inputmode="numeric" autocomplete="off" size="6"
                    bind:value=count aria-invalid=move || flag().is_some().to_string() aria-describedby=error_id.clone() />
            }
            .into_any()
        } else {
            view! { <span>{counted.map(|c| i18n.number(c)).unwrap_or_else(|| "—".to_owned())}</span> }.into_any()
        }
    };
    view! {
        <tr data-sku=line.sku.clone() class:flagged=move || flag().is_some() data-counted=counted.is_some().to_string()>
            <td class="code"><bdi dir="ltr">{line.sku.clone()}</bdi></td>
            <td>{line.name.clone()}</td>
            <td class="num expected">{move || i18n.number(line.expected)}</td>
            <td class="num on-hand">{move || i18n.number(line.on_hand)}</td>
            <td class="counted">
                {counted_cell}
                {move || flag().map(|key| view! { <p class="field-error line-error" id=error_id2.clone() role="alert">{i18n.text(key)}</p> })}
            </td>
            <td class="num variance"><bdi dir="ltr">{move || line.variance.map(|v| i18n.signed(v)).unwrap_or_default()}</bdi></td>
            <td class="num variance-value"><bdi dir="ltr">{move || line.variance_value_minor.map(|v| i18n.money_minor(v, &currency)).unwrap_or_default()}</bdi></td>
        </tr>
    }
}

/// "Found on the shelf": a part not on the sheet, counted, joins it.
#[component]
pub fn FoundPart(s: Sheet) -> impl IntoView {
    let i18n = use_i18n();
    let part = RwSignal::new(String::new());
    let count = RwSignal::new(String::new());
    let add = Action::new_local(move |line: &CountLine| save_counts(s, i18n, vec![line.clone()]));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let part_id = Uuid::parse_str(&part.get_untracked()).ok();
        match (part_id, parse_count(&count.get_untracked())) {
            (Some(part_id), Some(Some(counted))) => {
                s.problem.set(None);
                part.set(String::new());
                count.set(String::new());
                add.dispatch_local(CountLine { part_id, counted });
            }
            _ => s.problem.set(Some(local_problem(i18n, "stocktakes.error.found"))),
        }
    };
    let options = move || {
        let on_sheet: Vec<Uuid> = s.sheet.with(|x| x.lines.iter().map(|l| l.part_id).collect());
        s.lookup
            .part_options()
            .into_iter()
            .filter(|(id, _, _)| !on_sheet.contains(id))
            .map(|(id, sku, label)| view! { <option value=id.to_string() data-sku=sku>{label}</option> })
            .collect_view()
    };
    view! {
        <form id="stocktake-found" class="card stocktake-found" on:submit=submit novalidate>
            <h2>{t("stocktakes.found_title")}</h2>
            <div class="form-row">
                <div class="field">
                    <label for="found-part">{t("transfers.part")}</label>
                    <select id="found-part" bind:value=part>
                        <option value="">{t("transfers.choose_part")}</option>
                        {options}
                    </select>
                </div>
                <div class="field">
                    <label for="found-count">{t("stocktakes.counted")}</label>
                    <input id="found-count" type="text" inputmode="numeric" autocomplete="off" bind:value=count />
                </div>
            </div>
            <button id="found-submit" type="submit" class="button secondary" disabled=move || add.pending().get()>{t("stocktakes.add_found")}</button>
        </form>
    }
}
