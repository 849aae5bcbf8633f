//! `/tickets`: the ticket list with its filters. Every filter lives in the URL's
//! query string, so a reload or a shared link shows the same list; changing one
//! navigates (no reload) and the table reloads from its first page.

pub mod filters;
mod form;

use aftersales_api_types::auth::Permission;
use aftersales_api_types::tickets::TicketDto;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use self::filters::TicketFilters;
use self::form::FilterForm;
use crate::api;
use crate::components::table::PagedTable;
use crate::i18n::date::iso_instant;
use crate::i18n::labels::{stage_category_key, ticket_kind_key, warranty_status_key};
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

const COLUMNS: &[&str] = &[
    "tickets.number",
    "tickets.kind",
    "tickets.stage",
    "tickets.customer",
    "tickets.unit",
    "tickets.warranty",
    "tickets.technician",
    "tickets.created",
];

#[component]
pub fn TicketsPage() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let filters = Memo::new(move |_| query.with(|q| TicketFilters::from_query(|name| q.get(name))));
    let table = move || {
        // A new table, from its first page, whenever the filters change.
        let current = StoredValue::new(filters.get());
        view! {
            <PagedTable
                caption="tickets.title"
                columns=COLUMNS
                fetch=move |cursor| api::tickets::list(session, current.get_value(), cursor)
                row=ticket_row
            />
        }
    };
    view! {
        <section class="page tickets-page">
            <h1>{t("tickets.title")}</h1>
            <Show when=move || session.may(Permission::ManageTickets)><a id="new-ticket" class="button primary" href="/tickets/new">{t("intake.new_ticket")}</a></Show>
            <FilterForm filters />
            <div id="ticket-list">{table}</div>
        </section>
    }
}

fn ticket_row(ticket: TicketDto) -> AnyView {
    let i18n = use_i18n();
    let created = ticket.created_at;
    let stage = ticket.stage.clone();
    let flags = ticket.flags;
    let number = ticket.number.clone();
    // The list answer carries the names of each row: no look-up per row.
    let names = ticket.names.clone().unwrap_or_default();
    view! {
        <tr data-id=ticket.id.to_string() data-number=number>
            <td class="code">
                <a class="ticket-link" href=format!("/tickets/{}", ticket.id)>{ticket.number}</a>
                {flags.repeat_repair.then(|| view! { <span class="badge warn">{t("tickets.repeat_badge")}</span> })}
                {flags.contradiction.then(|| view! { <span class="badge danger">{t("tickets.contradiction_badge")}</span> })}
            </td>
            <td>{t(ticket_kind_key(ticket.kind))}</td>
            <td>
                {t(stage_category_key(ticket.stage_category))}
                <span class="muted stage-code">{stage}</span>
            </td>
            <td class="customer">{names.customer_name}</td>
            <td>
                <UnitCell serial=names.serial model=names.model_name />
            </td>
            <td>{t(warranty_status_key(ticket.warranty_status))}</td>
            <td>
                {match (ticket.technician_id, names.technician_name) {
                    (Some(_), Some(name)) => view! { <span>{name}</span> }.into_any(),
                    (Some(_), None) => view! { <span>{t("tickets.assigned")}</span> }.into_any(),
                    (None, _) => view! { <span class="muted">{t("tickets.unassigned_short")}</span> }.into_any(),
                }}
            </td>
            <td class="created">
                <time datetime=iso_instant(created)>{move || i18n.instant_date(created)}</time>
            </td>
        </tr>
    }
    .into_any()
}

/// The serial and model of the unit, whichever the ticket has.
#[component]
fn UnitCell(serial: Option<String>, model: Option<String>) -> impl IntoView {
    let none = (serial.is_none() && model.is_none()).then(|| view! { <span class="muted">"—"</span> });
    let serial = serial.map(|serial| view! { {serial} <br /> });
    let model = model.map(|model| view! { <span class="muted">{model}</span> });
    view! { {serial} {model} {none} }
}
