//! Labour lines (`/tickets/{id}/labour`): the services done, chosen from the
//! service catalogue of the unit's product category and priced by the API, with
//! the totals it returns and who pays for labour as the warranty decision says.

use aftersales_api_types::auth::Permission;
use aftersales_api_types::labour::{AddLabourLine, LabourLineDto, TicketLabourDto};
use aftersales_api_types::problem::Problem;
use aftersales_api_types::warranty::Leg;
use leptos::prelude::*;
use uuid::Uuid;

use super::TicketView;
use super::work_common::{name_in, whole_number};
use super::work_labour_free::{FREE, FreeLine, FreeLineFields};
use crate::api;
use crate::components::problem::{FieldErrors, ProblemView, browser_problem, without_fields};
use crate::components::toast::use_toasts;
use crate::i18n::{I18n, t, use_i18n};

const COLUMNS: &[&str] = &[
    "work.code",
    "work.service",
    "work.quantity",
    "work.unit_price",
    "work.minutes_column",
    "work.line_total",
    "work.actions",
];

/// Who pays for labour: `covered` when the warranty decision covers the labour leg.
fn payer(view: TicketView) -> Option<bool> {
    view.ticket
        .with(|t| t.warranty.as_ref().and_then(|d| d.legs.iter().find(|l| l.leg == Leg::Labour).map(|l| l.covered)))
}

#[component]
pub fn LabourSection(view: TicketView) -> impl IntoView {
    let session = view.session;
    let labour = LocalResource::new(move || {
        let _ = view.changes.get();
        api::work::labour(session, view.id)
    });
    // The roles are read once: signing out leaves the page, it does not re-draw it.
    let may = untrack(|| session.may(Permission::WorkTickets));
    let editable = Memo::new(move |_| may && !view.ticket.with(|t| t.sealed));
    let who_pays = move || {
        let (key, code) = match payer(view) {
            Some(true) => ("work.pays_warranty", "warranty"),
            Some(false) => ("work.pays_customer", "chargeable"),
            None => ("work.pays_undecided", "undecided"),
        };
        view! { <p id="work-payer" class=format!("payer payer-{code}") data-payer=code>{t(key)}</p> }
    };
    let table = move || match labour.get() {
        None => view! { <p class="muted">{t("table.loading")}</p> }.into_any(),
        Some(Err(e)) => view! { <ProblemView problem=e.problem /> }.into_any(),
        Some(Ok(labour)) => view! { <LabourTable view labour editable=editable.get_untracked() /> }.into_any(),
    };
    view! {
        <section id="work-labour" class="card ticket-section" aria-labelledby="work-labour-title">
            <h2 id="work-labour-title">{t("work.labour_title")}</h2>
            {who_pays}
            {table}
            {move || editable.get().then(|| view! { <AddLabourForm view /> })}
        </section>
    }
}

#[component]
fn LabourTable(view: TicketView, labour: TicketLabourDto, editable: bool) -> impl IntoView {
    let i18n = use_i18n();
    let width = COLUMNS.len();
    let empty = labour.lines.is_empty().then(|| {
        view! { <tr id="work-labour-empty"><td colspan=width class="muted">{t("work.no_labour")}</td></tr> }
    });
    let totals = labour.totals.clone();
    let minutes = labour.total_minutes;
    let rows = labour.lines.into_iter().map(|line| view! { <LabourRow view line editable /> }).collect_view();
    let total_text = move || {
        if totals.is_empty() {
            return "—".to_owned();
        }
        i18n.list(&totals.iter().map(|m| i18n.money(&m.amount, &m.currency)).collect::<Vec<_>>())
    };
    view! {
        <div class="table-wrap">
            <table id="work-labour-table" class="data">
                <caption class="visually-hidden">{t("work.labour_title")}</caption>
                <thead>
                    <tr>{COLUMNS.iter().map(|c| view! { <th scope="col">{t(c)}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{rows}{empty}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="4">{t("work.total")}</th>
                        <td class="num" id="work-labour-minutes">
                            {move || i18n.format("work.minutes", &[("minutes", &i18n.number(minutes))])}
                        </td>
                        <td class="num" id="work-labour-total">{total_text}</td>
                        <td></td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

#[component]
fn LabourRow(view: TicketView, line: LabourLineDto, editable: bool) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let session = view.session;
    let line_id = line.id;
    let problem = RwSignal::new(None::<Problem>);
    let remove = Action::new_local(move |(): &()| async move {
        match api::work::remove_labour(session, view.id, line_id).await {
            Ok(()) => {
                toasts.show(i18n.text("work.labour_removed"));
                view.reload();
            }
            Err(e) => {
                problem.try_set(Some(e.problem));
            }
        }
    });
    let (unit, total) = (line.unit_price.clone(), line.line_total.clone());
    let code = line.code.clone();
    view! {
        <tr data-code=line.code.clone()>
            <td><bdi class="code">{code}</bdi></td>
            <td>{line.description.clone()}</td>
            <td class="num">{move || i18n.number(i64::from(line.quantity))}</td>
            <td class="num">{move || i18n.money(&unit.amount, &unit.currency)}</td>
            <td class="num">{move || i18n.number(i64::from(line.minutes))}</td>
            <td class="num line-total">{move || i18n.money(&total.amount, &total.currency)}</td>
            <td>
                {editable.then(|| view! {
                    <button type="button" class="button link danger labour-remove"
                        prop:disabled=move || remove.pending().get()
                        on:click=move |_| { remove.dispatch_local(()); }>
                        {t("work.remove")}
                    </button>
                })}
                {move || problem.get().map(|p| view! { <div class="alert" role="alert"><ProblemView problem=p /></div> })}
            </td>
        </tr>
    }
}

/// A service in the chooser: code, name in the reader's language and price.
fn item_label(
    i18n: I18n,
    code: &str,
    names: &aftersales_api_types::fault_codes::Names,
    price: &str,
    currency: &str,
) -> String {
    format!("{code} — {} · {}", name_in(i18n.locale(), names), i18n.money(price, currency))
}

#[component]
fn AddLabourForm(view: TicketView) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let session = view.session;
    let model_id = view.ticket.with_untracked(|t| t.model_id);
    let items = LocalResource::new(move || async move {
        let category = match model_id {
            Some(id) => api::reference::model(session, id).await.ok().map(|m| m.category_id),
            None => None,
        };
        api::reference::service_items(session, category, true).await
    });
    let item = RwSignal::new(String::new());
    let quantity = RwSignal::new(i18n.number(1));
    let problem = RwSignal::new(None::<Problem>);
    // The office may record work the catalogue lacks, priced in the branch's currency.
    let may_price_freely = untrack(|| session.may(Permission::ManageTickets));
    let free = FreeLine::new();
    let branch_id = view.ticket.with_untracked(|t| t.branch_id);
    let branch = LocalResource::new(move || async move {
        if may_price_freely { api::branch(session, branch_id.to_string()).await.ok() } else { None }
    });
    let currency = Signal::derive(move || branch.get().flatten().map(|b| b.currency).unwrap_or_default());
    // A free line is recorded for the ticket's technician, not for the clerk.
    let technician_id = move || view.ticket.with_untracked(|t| t.technician_id);
    let add = Action::new_local(move |request: &AddLabourLine| {
        let request = request.clone();
        async move {
            match api::work::add_labour(session, view.id, &request).await {
                Ok(line) => {
                    toasts.show(i18n.format("work.labour_added", &[("code", &line.code)]));
                    item.try_set(String::new());
                    quantity.try_set(i18n.number(1));
                    free.clear();
                    view.reload();
                }
                Err(e) => {
                    problem.try_set(Some(e.problem));
                }
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = item.get_untracked();
        let Ok(Some(quantity)) = whole_number(&quantity.get_untracked(), 1, 999) else {
            problem.set(Some(browser_problem(&[("quantity", "work.error.quantity")])));
            return;
        };
        let request = if chosen == FREE {
            match free.request(&currency.get_untracked(), quantity) {
                Ok(request) => AddLabourLine { technician_id: technician_id(), ..request },
                Err(found) => {
                    problem.set(Some(browser_problem(&[found])));
                    return;
                }
            }
        } else {
            let Ok(service_item_id) = Uuid::parse_str(&chosen) else {
                problem.set(Some(browser_problem(&[("service_item_id", "work.error.service")])));
                return;
            };
            AddLabourLine {
                service_item_id: Some(service_item_id),
                quantity: Some(quantity),
                ..AddLabourLine::default()
            }
        };
        problem.set(None);
        add.dispatch_local(request);
    };
    let problem_signal: Signal<Option<Problem>> = problem.into();
    let form_problem = move || {
        problem.get().filter(|p| !p.title.is_empty()).map(|p| {
            view! { <div id="work-labour-problem" class="alert" role="alert"><ProblemView problem=without_fields(&p) /></div> }
        })
    };
    let options = move || {
        items.get().map(|answer| match answer {
            Ok(items) => items
                .into_iter()
                .map(|s| {
                    let (id, code) = (s.id.to_string(), s.code.clone());
                    view! {
                        <option value=id data-code=code>
                            {move || item_label(i18n, &s.code, &s.names, &s.price.amount, &s.price.currency)}
                        </option>
                    }
                })
                .collect_view()
                .into_any(),
            Err(_) => ().into_any(),
        })
    };
    view! {
        <form id="work-labour-add" class="labour-add" on:submit=on_submit novalidate>
            <h3>{t("work.add_labour")}</h3>
            {form_problem}
            <div class="field">
                <label for="work-service">{t("work.service")}</label>
                <select id="work-service" bind:value=item>
                    <option value="">{t("work.choose_service")}</option>
                    {options}
                    {may_price_freely.then(|| view! { <option value=FREE>{t("work.free_line")}</option> })}
                </select>
                <FieldErrors problem=problem_signal field="service_item_id" id="work-service" />
            </div>
            <Show when=move || item.get() == FREE>
                <FreeLineFields line=free currency problem=problem_signal />
            </Show>
            <div class="field">
                <label for="work-quantity">{t("work.quantity")}</label>
                <input id="work-quantity" type="text" inputmode="numeric" autocomplete="off" bind:value=quantity />
                <FieldErrors problem=problem_signal field="quantity" id="work-quantity" />
            </div>
            <div class="actions">
                <button type="submit" id="work-labour-submit" class="button" prop:disabled=move || add.pending().get()>
                    {t("work.add")}
                </button>
            </div>
        </form>
    }
}
