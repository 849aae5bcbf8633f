//! `/tickets`: the ticket list with its filters. Every filter lives in the URL's
//! query string, so a reload or a shared link shows the same list; changing one
//! navigates (no reload) and the table reloads from its first page.

pub mod filters;
mod form;

use aftersales_api_types::auth::Permission;
use aftersales_api_types::tickets::TicketDto;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

use self::filters::TicketFilters;
use self::form::FilterForm;
use crate::api;
use crate::components::table::PagedTable;
use crate::i18n::date::iso_instant;
use crate::i18n::labels::{stage_category_key, ticket_kind_key, warranty_status_key};
use crate::i18n::{t, use_i18n};
use crate::session::{Session, use_session};

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
    let session = use_session();
    let created = ticket.created_at;
    let stage = ticket.stage.clone();
    let flags = ticket.flags;
    let number = ticket.number.clone();
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
            <td class="customer">
                <Name load=move || api::tickets::customer_name(session, ticket.customer_id) />
            </td>
            <td>
                <UnitCell session serial_id=ticket.serial_id model_id=ticket.model_id />
            </td>
            <td>{t(warranty_status_key(ticket.warranty_status))}</td>
            <td>
                {match ticket.technician_id {
                    Some(id) => view! { <Name load=move || api::tickets::user_name(session, id) fallback="tickets.assigned" /> }.into_any(),
                    None => view! { <span class="muted">{t("tickets.unassigned_short")}</span> }.into_any(),
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
fn UnitCell(session: Session, serial_id: Option<Uuid>, model_id: Option<Uuid>) -> impl IntoView {
    let serial = serial_id.map(|id| view! { <Name load=move || api::tickets::serial_text(session, id) /> <br /> });
    let model = model_id
        .map(|id| view! { <span class="muted"><Name load=move || api::tickets::model_name(session, id) /></span> });
    let none = (serial_id.is_none() && model_id.is_none()).then(|| view! { <span class="muted">"—"</span> });
    view! { {serial} {model} {none} }
}

/// A name read from the API; a dash while loading, `fallback` if it cannot be read.
#[component]
fn Name<F, Fut>(load: F, #[prop(optional)] fallback: Option<&'static str>) -> impl IntoView
where
    F: Fn() -> Fut + 'static,
    Fut: std::future::Future<Output = Option<String>> + 'static,
{
    let i18n = use_i18n();
    let name = LocalResource::new(load);
    move || match name.get() {
        Some(Some(name)) => name,
        Some(None) => fallback.map(|key| i18n.text(key).to_owned()).unwrap_or_else(|| "—".to_owned()),
        None => "…".to_owned(),
    }
}
