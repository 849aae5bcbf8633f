//! `/follow-ups`: the office's work after the repair. The calls to make (due,
//! overdue, by agent), each opening its ticket's callback script; and complaints
//! (by status and technician), resolved or rejected here. The list shown and its
//! filters live in the address, so a reload or a shared link shows the same list.

mod filters;
mod rows;

use aftersales_api_types::auth::Permission;
use aftersales_api_types::followups::{CallbackStatus, ComplaintStatus};
use aftersales_api_types::users::{Role, UserDto};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use uuid::Uuid;

use self::filters::{FollowUpFilters, List};
use crate::api;
use crate::components::followup::{callback_status_key, complaint_status_key};
use crate::components::table::PagedTable;
use crate::i18n::t;
use crate::query::wire;
use crate::session::{Session, use_session};

const CALLBACK_COLUMNS: &[&str] = &[
    "followups.ticket",
    "followups.customer",
    "followups.branch",
    "followups.due",
    "followups.status",
    "followups.attempts",
    "followups.called_by",
    "followups.score",
];

const COMPLAINT_COLUMNS: &[&str] = &[
    "followups.ticket",
    "followups.customer",
    "followups.complaint",
    "followups.technician",
    "followups.status",
    "followups.opened",
    "followups.resolution",
];

#[component]
pub fn FollowUpsPage() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let filters = Memo::new(move |_| query.with(|q| FollowUpFilters::from_query(|name| q.get(name))));
    // Agents and technicians to filter by, for those who may list the staff; the
    // others still filter by their own calls.
    let people = LocalResource::new(move || async move {
        if untrack(|| session.may(Permission::ViewOrganisation)) {
            api::reference::users(session).await.unwrap_or_default()
        } else {
            Vec::new()
        }
    });
    // Read again after a complaint is closed.
    let reloads = RwSignal::new(0_u32);
    let settled = Callback::new(move |()| reloads.update(|n| *n += 1));
    let table = move || {
        let _ = reloads.get();
        let current = StoredValue::new(filters.get());
        match current.get_value().list {
            List::Callbacks => view! {
                <PagedTable
                    caption="followups.callbacks"
                    columns=CALLBACK_COLUMNS
                    fetch=move |cursor| api::work::callback_list(session, current.get_value().api_pairs(), cursor)
                    row=rows::callback_row
                />
            }
            .into_any(),
            List::Complaints => view! {
                <PagedTable
                    caption="followups.complaints"
                    columns=COMPLAINT_COLUMNS
                    fetch=move |cursor| api::work::complaint_list(session, current.get_value().api_pairs(), cursor)
                    row=move |complaint| rows::complaint_row(session, complaint, settled)
                />
            }
            .into_any(),
        }
    };
    let tab = move |list: List, id: &'static str, key: &'static str| {
        view! {
            <a id=id href=FollowUpFilters::of(list).href()
                aria-current=move || (filters.get().list == list).then_some("page")>
                {t(key)}
            </a>
        }
    };
    view! {
        <section class="page followups-page">
            <h1 id="followups-title">{t("followups.title")}</h1>
            <nav class="followups-tabs" aria-label=t("followups.title")>
                {tab(List::Callbacks, "followups-tab-callbacks", "followups.callbacks")}
                {tab(List::Complaints, "followups-tab-complaints", "followups.complaints")}
            </nav>
            <FilterBar session filters people />
            <div id="followups-list">{table}</div>
        </section>
    }
}

/// The filters of the list shown; every change is a new address.
#[component]
fn FilterBar(session: Session, filters: Memo<FollowUpFilters>, people: LocalResource<Vec<UserDto>>) -> impl IntoView {
    let navigate = use_navigate();
    let go = StoredValue::new_local(move |next: FollowUpFilters| navigate(&next.href(), NavigateOptions::default()));
    let change = move |edit: Box<dyn Fn(&mut FollowUpFilters)>| {
        let mut next = filters.get_untracked();
        edit(&mut next);
        go.with_value(|go| go(next));
    };
    let me = untrack(|| session.user().map(|u| u.id));
    // Who made calls: everyone but the technicians; complaints are about technicians.
    let staff = move |technicians: bool| {
        people.get().unwrap_or_default().into_iter().filter(move |u| u.roles.contains(&Role::Technician) == technicians)
    };
    let person_options = move |technicians: bool, chosen: Option<Uuid>| {
        staff(technicians)
            .filter(|u| Some(u.id) != me)
            .map(|u| {
                let id = u.id;
                view! { <option value=id.to_string() selected=chosen == Some(id)>{u.display_name}</option> }
            })
            .collect_view()
    };
    let callbacks = move || {
        let f = filters.get();
        let status_options = [CallbackStatus::Pending, CallbackStatus::Done, CallbackStatus::Unreachable]
            .into_iter()
            .map(|s| view! { <option value=wire(&s) selected=f.callback_status == Some(s)>{t(callback_status_key(s))}</option> })
            .collect_view();
        view! {
            <div class="field">
                <label for="followups-status">{t("followups.status")}</label>
                <select id="followups-status" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    change(Box::new(move |f| f.callback_status = crate::query::from_wire(&value)));
                }>
                    <option value="" selected=f.callback_status.is_none()>{t("followups.any")}</option>
                    {status_options}
                </select>
            </div>
            <div class="field">
                <label for="followups-agent">{t("followups.called_by")}</label>
                <select id="followups-agent" on:change=move |ev| {
                    let chosen = Uuid::parse_str(&event_target_value(&ev)).ok();
                    change(Box::new(move |f| f.done_by = chosen));
                }>
                    <option value="" selected=f.done_by.is_none()>{t("followups.anyone")}</option>
                    {me.map(|me| view! { <option value=me.to_string() selected=f.done_by == Some(me)>{t("followups.me")}</option> })}
                    {person_options(false, f.done_by)}
                </select>
            </div>
            <label class="check">
                <input type="checkbox" id="followups-overdue" prop:checked=f.overdue on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    change(Box::new(move |f| f.overdue = on));
                } />
                {t("followups.overdue_only")}
            </label>
        }
        .into_any()
    };
    let complaints = move || {
        let f = filters.get();
        let status_options = [ComplaintStatus::Open, ComplaintStatus::Resolved, ComplaintStatus::Rejected]
            .into_iter()
            .map(|s| {
                view! { <option value=wire(&s) selected=f.complaint_status == Some(s)>{t(complaint_status_key(s).1)}</option> }
            })
            .collect_view();
        let technicians = (!staff(true).collect::<Vec<_>>().is_empty()).then(|| {
            view! {
                <div class="field">
                    <label for="followups-technician">{t("followups.technician")}</label>
                    <select id="followups-technician" on:change=move |ev| {
                        let chosen = Uuid::parse_str(&event_target_value(&ev)).ok();
                        change(Box::new(move |f| f.technician_id = chosen));
                    }>
                        <option value="" selected=f.technician_id.is_none()>{t("followups.anyone")}</option>
                        {person_options(true, f.technician_id)}
                    </select>
                </div>
            }
        });
        view! {
            <div class="field">
                <label for="followups-status">{t("followups.status")}</label>
                <select id="followups-status" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    change(Box::new(move |f| f.complaint_status = crate::query::from_wire(&value)));
                }>
                    <option value="" selected=f.complaint_status.is_none()>{t("followups.any")}</option>
                    {status_options}
                </select>
            </div>
            {technicians}
        }
        .into_any()
    };
    view! {
        <form id="followups-filters" class="card followups-filters" role="search" on:submit=|ev| ev.prevent_default()>
            {move || match filters.get().list {
                List::Callbacks => callbacks(),
                List::Complaints => complaints(),
            }}
        </form>
    }
}
