//! `/stocktakes/:id`: one count sheet. Counts are typed per line and saved
//! together (`PUT /counts`; a part found on the shelf joins the sheet); the
//! variance and its value follow each save. Posting is refused while a line is not
//! counted: the refusal is shown by the lines it names. Cancel closes the sheet.

use std::collections::HashMap;

use aftersales_api_types::problem::Problem;
use aftersales_api_types::stocktakes::{StocktakeDto, StocktakeStatus};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::sheet_lines::{FoundPart, SheetLines, save_counts};
use super::stocktakes::stocktake_status_key;
use super::{Lookup, WithLookup, may_move};
use crate::api::{self, ApiError};
use crate::components::problem::{ErrorsView, ProblemView};
use crate::components::toast::use_toasts;
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};
use crate::query::wire;
use crate::session::Session;

/// What the pieces of the sheet share.
#[derive(Debug, Clone, Copy)]
pub struct Sheet {
    pub session: Session,
    pub lookup: Lookup,
    pub sheet: RwSignal<StocktakeDto>,
    /// The count typed per part (kept across saves).
    pub counts: StoredValue<HashMap<Uuid, RwSignal<String>>>,
    /// The lines a refusal named, with the catalogue key of why.
    pub flagged: RwSignal<HashMap<Uuid, &'static str>>,
    pub problem: RwSignal<Option<Problem>>,
    /// The sheet screen's owner: the count inputs' signals live as long as the
    /// screen, not as long as the row that first showed them.
    pub owner: StoredValue<Option<Owner>>,
}

impl Sheet {
    pub fn counting(&self) -> bool {
        may_move(self.session) && self.sheet.with(|s| s.status == StocktakeStatus::Counting)
    }

    /// The input's signal of a part, made on first use with the saved count.
    pub fn count_of(&self, part_id: Uuid, saved: Option<i64>) -> RwSignal<String> {
        if let Some(s) = self.counts.with_value(|c| c.get(&part_id).copied()) {
            return s;
        }
        let text = saved.map(|c| c.to_string()).unwrap_or_default();
        let s = match self.owner.get_value() {
            Some(owner) => owner.with(|| RwSignal::new(text)),
            None => RwSignal::new(text),
        };
        self.counts.update_value(|c| {
            c.insert(part_id, s);
        });
        s
    }

    /// Shows the server's sheet; the inputs take its counts.
    pub fn show(&self, next: StocktakeDto) {
        for line in &next.lines {
            if let Some(counted) = line.counted {
                self.count_of(line.part_id, None).try_set(counted.to_string());
            }
        }
        self.sheet.try_set(next);
    }
}

#[component]
pub fn StocktakePage() -> impl IntoView {
    view! {
        <section class="page stocktake-page">
            <p class="back"><a href="/stocktakes">{t("stocktakes.back")}</a></p>
            <WithLookup page=|session, lookup| view! { <SheetLoader session lookup /> } />
        </section>
    }
}

#[component]
fn SheetLoader(session: Session, lookup: Lookup) -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| Uuid::parse_str(&v).ok())).unwrap_or_default();
    let found = LocalResource::new(move || {
        let id = id();
        async move { api::transfers::stocktake(session, id).await }
    });
    view! {
        <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                {move || Suspend::new(async move {
                    found.await.map(|sheet| view! { <SheetScreen session lookup sheet /> })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// The lines a refusal names, by the sheet's line index (`lines[i].counted`), with
/// what each needs: a count, or a count no lower than the reserved quantity.
fn refused_lines(problem: &Problem) -> Vec<(usize, &'static str)> {
    problem
        .errors
        .iter()
        .filter_map(|e| {
            let i = e.field.strip_prefix("lines[")?.strip_suffix("].counted")?.parse().ok()?;
            let key = match e.code.as_str() {
                "not_counted" => "stocktakes.error.uncounted",
                "below_reserved" => "stocktakes.error.below_reserved",
                _ => return None,
            };
            Some((i, key))
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Close {
    Post,
    Cancel,
}

#[component]
fn SheetScreen(session: Session, lookup: Lookup, sheet: StocktakeDto) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let s = Sheet {
        session,
        lookup,
        sheet: RwSignal::new(sheet),
        counts: StoredValue::new(HashMap::new()),
        flagged: RwSignal::new(HashMap::new()),
        problem: RwSignal::new(None),
        owner: StoredValue::new(Owner::current()),
    };
    let save = Action::new_local(move |(): &()| save_counts(s, i18n, Vec::new()));
    let close = Action::new_local(move |what: &Close| {
        let what = *what;
        let id = s.sheet.with_untracked(|x| x.id);
        async move {
            let result: Result<StocktakeDto, ApiError> = match what {
                Close::Post => api::transfers::post_stocktake(session, id).await,
                Close::Cancel => api::transfers::cancel_stocktake(session, id).await,
            };
            match result {
                Ok(next) => {
                    s.flagged.try_set(HashMap::new());
                    s.show(next);
                    toasts.show(i18n.text(if what == Close::Post {
                        "stocktakes.posted_note"
                    } else {
                        "stocktakes.cancelled_note"
                    }));
                }
                Err(e) => {
                    let refused = refused_lines(&e.problem);
                    let flagged = s.sheet.with_untracked(|x| {
                        refused.iter().filter_map(|(i, key)| x.lines.get(*i).map(|l| (l.part_id, *key))).collect()
                    });
                    s.flagged.try_set(flagged);
                    s.problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let busy = move || save.pending().get() || close.pending().get();
    let status = move || s.sheet.with(|x| x.status);
    let started = s.sheet.with_untracked(|x| x.started_at);
    let uncounted = move || s.sheet.with(|x| x.lines.iter().filter(|l| l.counted.is_none()).count());
    view! {
        <h1 id="stocktake-title">
            {move || i18n.format("stocktakes.sheet_title", &[("warehouse", &lookup.warehouse_code(s.sheet.with(|x| x.warehouse_id)))])}
        </h1>
        <p>
            <span id="stocktake-status" class="badge" data-status=move || wire(&status())>{move || i18n.text(stocktake_status_key(status()))}</span>
            " "
            <time datetime=iso_instant(started)>{move || i18n.date_time(started)}</time>
        </p>
        <p id="stocktake-uncounted" class="muted">{move || i18n.format("stocktakes.uncounted_count", &[("count", &i18n.number(i64::try_from(uncounted()).unwrap_or(0)))])}</p>
        {move || s.problem.get().map(|p| view! { <div id="stocktake-problem" class="alert" role="alert"><ProblemView problem=p /></div> })}
        <SheetLines s />
        <Show when=move || s.counting()>
            <div class="actions stocktake-actions">
                <button id="stocktake-save" type="button" class="button primary" disabled=busy on:click=move |_| { s.problem.set(None); save.dispatch_local(()); }>
                    {t("stocktakes.save")}
                </button>
                <button id="stocktake-post" type="button" class="button primary" disabled=busy on:click=move |_| { s.problem.set(None); close.dispatch_local(Close::Post); }>
                    {t("stocktakes.post")}
                </button>
                <button id="stocktake-cancel" type="button" class="button secondary" disabled=busy on:click=move |_| { s.problem.set(None); close.dispatch_local(Close::Cancel); }>
                    {t("stocktakes.cancel")}
                </button>
            </div>
            <FoundPart s />
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use aftersales_api_types::problem::{FieldError, Problem};

    use super::refused_lines;

    fn refusal(errors: &[(&str, &str)]) -> Problem {
        Problem {
            problem_type: String::new(),
            title: "Conflict".into(),
            status: 409,
            code: "conflict".into(),
            detail: None,
            errors: errors.iter().map(|(field, code)| FieldError::new(*field, *code, String::new())).collect(),
        }
    }

    #[test]
    fn the_refusal_names_its_lines() {
        let p = refusal(&[("lines[0].counted", "not_counted"), ("lines[3].counted", "below_reserved")]);
        assert_eq!(refused_lines(&p), vec![(0, "stocktakes.error.uncounted"), (3, "stocktakes.error.below_reserved")]);
        assert!(refused_lines(&refusal(&[("warehouse_id", "not_found")])).is_empty());
    }
}
