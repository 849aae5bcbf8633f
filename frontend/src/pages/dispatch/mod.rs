//! `/dispatch`: the dispatch board of one branch and one day. Per technician their
//! appointments that day and their load; the branch's tickets waiting for a
//! technician, each of which can be assigned from here. The day and the branch live
//! in the URL (`?date=YYYY-MM-DD&branch=…`); without a date the board shows today
//! in the branch's time zone. An assignment reloads the board in place.

mod assign;
mod board;
mod controls;
mod zone;

use aftersales_api_types::dispatch::{BoardJob, DispatchBoard};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

use self::assign::AssignForm;
use self::board::{TechnicianCard, UnassignedTable};
use self::controls::DayControls;
use crate::api;
use crate::components::problem::ErrorsView;
use crate::i18n::{t, use_i18n};
use crate::session::{Session, use_session};
use crate::tr;

/// A ticket picked on the board: a waiting one to assign, or one of a
/// technician's jobs to move to another technician.
#[derive(Debug, Clone)]
pub struct Picked {
    pub job: BoardJob,
    /// The technician the job is with, when it is being moved.
    pub from: Option<Uuid>,
}

/// What the pieces of the board share.
#[derive(Debug, Clone, Copy)]
pub struct BoardView {
    pub session: Session,
    /// The ticket being assigned or moved, if any.
    pub picked: RwSignal<Option<Picked>>,
    /// Bumped after every assignment so the board reloads.
    pub changes: RwSignal<u32>,
    /// The last assignment made here: ticket number and technician name.
    pub assigned: RwSignal<Option<(String, String)>>,
    /// The day the board shows (the branch's today until the URL names one).
    pub day: RwSignal<Option<NaiveDate>>,
}

#[component]
pub fn DispatchPage() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let date = Memo::new(move |_| query.with(|q| q.get("date").and_then(|d| d.parse::<NaiveDate>().ok())));
    let branch = Memo::new(move |_| {
        query
            .with(|q| q.get("branch").and_then(|b| Uuid::parse_str(&b).ok()))
            .or_else(|| session.working_branch())
            .or_else(|| session.user().map(|u| u.branch_id))
    });
    let view_state = BoardView {
        session,
        picked: RwSignal::new(None),
        changes: RwSignal::new(0),
        assigned: RwSignal::new(None),
        day: RwSignal::new(None),
    };
    let board = LocalResource::new(move || {
        let (branch, date) = (branch.get(), date.get());
        let _ = view_state.changes.get();
        async move {
            match branch {
                Some(b) => api::dispatch::board(session, b, date).await.map(Some),
                None => Ok(None),
            }
        }
    });
    // A new day or branch closes the assignment in progress.
    Effect::new(move |_| {
        let _ = (branch.get(), date.get());
        view_state.picked.set(None);
    });
    view! {
        <section class="page dispatch-page">
            <h1 id="dispatch-title">{t("dispatch.title")}</h1>
            <DayControls board=view_state branch date />
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move {
                        board.await.map(|b| b.map(|b| view! { <Board board=view_state data=b /> }))
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn Board(board: BoardView, data: DispatchBoard) -> impl IntoView {
    let i18n = use_i18n();
    let zone = data.time_zone.clone();
    let day = data.date;
    board.day.set(Some(day));
    let technicians = StoredValue::new(data.technicians.clone());
    let cards = if data.technicians.is_empty() {
        view! { <p id="dispatch-no-technicians" class="muted">{t("dispatch.no_technicians")}</p> }.into_any()
    } else {
        data.technicians
            .into_iter()
            .map(|tech| view! { <TechnicianCard board tech zone=zone.clone() day /> })
            .collect_view()
            .into_any()
    };
    let total = data.unassigned_total;
    let assigned = move || {
        board.assigned.get().map(|(number, name)| {
            view! {
                <p id="dispatch-assigned" class="notice" role="status">
                    {tr!("dispatch.assigned", number = number, name = name)}
                </p>
            }
        })
    };
    let zone_note = data.time_zone.clone();
    view! {
        <p id="dispatch-day" class="dispatch-day" data-date=data.date.to_string()>
            <strong>{move || i18n.date(day)}</strong>
            " "
            <span class="muted">{tr!("dispatch.zone_note", zone = zone_note)}</span>
        </p>
        {assigned}
        <h2 id="dispatch-technicians-title">{t("dispatch.technicians")}</h2>
        <div id="dispatch-technicians" class="dispatch-technicians">{cards}</div>
        <h2 id="dispatch-unassigned-title">{tr!("dispatch.unassigned", count = i18n.number(i64::try_from(total).unwrap_or(i64::MAX)))}</h2>
        <UnassignedTable board jobs=data.unassigned zone=zone.clone() day />
        {move || board.picked.get().map(|picked| view! {
            <AssignForm board picked technicians=technicians.get_value() zone=zone.clone() day />
        })}
    }
}
