//! The unit's tickets (`GET /tickets?serial_id=…`), each a link to its page.

use leptos::prelude::*;
use uuid::Uuid;

use crate::api;
use crate::components::problem::ProblemView;
use crate::i18n::date::iso_instant;
use crate::i18n::labels::{stage_category_key, ticket_kind_key};
use crate::i18n::{t, use_i18n};
use crate::session::use_session;

#[component]
pub fn UnitTickets(unit_id: Uuid) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let tickets = LocalResource::new(move || api::serials::tickets(session, unit_id));
    let body = move || {
        Suspend::new(async move {
            match tickets.await {
                Ok(page) if page.items.is_empty() => {
                    view! { <p id="serial-tickets-none" class="muted">{t("serials.tickets_none")}</p> }.into_any()
                }
                Ok(page) => {
                    let rows = page
                        .items
                        .into_iter()
                        .map(|ticket| {
                            let at = ticket.created_at;
                            let number = ticket.number.clone();
                            view! {
                                <li data-id=ticket.id.to_string() data-number=number>
                                    <a href=format!("/tickets/{}", ticket.id) class="code">
                                        <bdi>{ticket.number}</bdi>
                                    </a>
                                    " · "
                                    {t(ticket_kind_key(ticket.kind))}
                                    " · "
                                    <span class="chip">{t(stage_category_key(ticket.stage_category))}</span>
                                    " · "
                                    <time datetime=iso_instant(at)>{move || i18n.instant_date(at)}</time>
                                </li>
                            }
                        })
                        .collect_view();
                    view! { <ul id="serial-tickets" class="plain-list">{rows}</ul> }.into_any()
                }
                Err(e) => view! { <div class="alert" role="alert"><ProblemView problem=e.problem /></div> }.into_any(),
            }
        })
    };
    view! {
        <section class="card">
            <h3>{t("serials.tickets")}</h3>
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>{body}</Transition>
        </section>
    }
}
