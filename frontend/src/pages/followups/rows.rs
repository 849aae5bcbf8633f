//! One row of each follow-up list: what the ids name, never the ids.

use aftersales_api_types::followups::{CallbackDto, ComplaintDto, ComplaintStatus};
use leptos::prelude::*;

use crate::components::followup::{ResolveComplaintForm, callback_status_key, category_key, complaint_status_key};
use crate::i18n::date::iso_instant;
use crate::i18n::{t, use_i18n};
use crate::query::wire;
use crate::session::Session;

/// A call to make or made; the ticket's link opens its callback script.
pub fn callback_row(c: CallbackDto) -> AnyView {
    let i18n = use_i18n();
    let names = c.names.clone();
    let number = names.as_ref().map_or_else(|| c.ticket_number.clone(), |n| n.ticket_number.clone());
    let customer = names.as_ref().map(|n| n.customer_name.clone());
    let branch = names.as_ref().map(|n| n.branch_name.clone());
    let called_by = names.as_ref().and_then(|n| n.settled_by_name.clone());
    let (due, attempts, score) = (c.due_at, i64::from(c.attempts), c.satisfaction_score.map(i64::from));
    let overdue = c.overdue.then(|| view! { <span class="badge danger">{t("followups.overdue")}</span> });
    view! {
        <tr class="callback-row" data-id=c.id.to_string() data-status=wire(&c.status) data-overdue=c.overdue.to_string()>
            <td><a class="ticket-link" href=format!("/tickets/{}#work-callback", c.ticket_id)>{number}</a></td>
            <td class="customer">{customer.unwrap_or_default()}</td>
            <td>{branch.unwrap_or_default()}</td>
            <td><time datetime=iso_instant(due)>{move || i18n.date_time(due)}</time> {overdue}</td>
            <td class="status">{t(callback_status_key(c.status))}</td>
            <td>{move || i18n.number(attempts)}</td>
            <td class="called-by">{called_by.unwrap_or_else(|| "—".to_owned())}</td>
            <td>{move || score.map_or_else(|| "—".to_owned(), |s| i18n.number(s))}</td>
        </tr>
    }
    .into_any()
}

/// A complaint; an open one can be resolved or rejected in place.
pub fn complaint_row(session: Session, c: ComplaintDto, settled: Callback<()>) -> AnyView {
    let i18n = use_i18n();
    let names = c.names.clone();
    let number = names.as_ref().map(|n| n.ticket_number.clone()).unwrap_or_default();
    let customer = names.as_ref().map(|n| n.customer_name.clone()).unwrap_or_default();
    let technician = names.as_ref().and_then(|n| n.technician_name.clone()).unwrap_or_else(|| "—".to_owned());
    let (status_code, status_text) = complaint_status_key(c.status);
    let opened = c.created_at;
    let outcome = match (c.status, c.resolution.clone()) {
        (ComplaintStatus::Open, _) => view! { <ResolveComplaintForm session complaint=c.clone() settled /> }.into_any(),
        (_, resolution) => {
            let by = names.as_ref().and_then(|n| n.settled_by_name.clone());
            view! {
                <p class="prewrap complaint-resolution">{resolution.unwrap_or_default()}</p>
                {by.map(|by| view! { <p class="muted">{by}</p> })}
            }
            .into_any()
        }
    };
    view! {
        <tr class="complaint-row" data-id=c.id.to_string() data-status=status_code>
            <td><a class="ticket-link" href=format!("/tickets/{}#work-complaints", c.ticket_id)>{number}</a></td>
            <td class="customer">{customer}</td>
            <td>
                <strong>{t(category_key(c.category))}</strong>
                <p class="prewrap complaint-description">{c.description.clone()}</p>
            </td>
            <td class="technician">{technician}</td>
            <td class="status">{t(status_text)}</td>
            <td><time datetime=iso_instant(opened)>{move || i18n.date_time(opened)}</time></td>
            <td>{outcome}</td>
        </tr>
    }
    .into_any()
}
