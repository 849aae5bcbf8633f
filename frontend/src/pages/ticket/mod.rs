//! `/tickets/:id`: one ticket. The page is a list of sections, each in its own
//! file, sharing a [`TicketView`]: the ticket as last read, its workflow's stages,
//! and a counter bumped after every change so the sections that read more (the
//! timeline, the next steps) read again without a page reload.

mod attachments;
mod dispatch;
mod facts;
mod names;
mod parts;
mod review;
mod timeline;
mod transitions;
mod work_callback;
mod work_common;
mod work_complaints;
mod work_labour;
mod work_labour_free;
mod work_record;

use aftersales_api_types::problem::Problem;
use aftersales_api_types::tickets::TicketDto;
use aftersales_api_types::workflows::StageDto;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use self::dispatch::DispatchSection;
use self::facts::FactsSection;
use self::timeline::TimelineSection;
use self::transitions::TransitionsSection;
use self::work_callback::CallbackSection;
use self::work_complaints::ComplaintsSection;
use self::work_labour::LabourSection;
use self::work_record::WorkRecordSection;
use crate::api::{self, ApiError};
use crate::components::problem::ErrorsView;
use crate::i18n::{I18n, t};
use crate::session::{Session, use_session};

/// What the sections of the page share. It is `Copy`.
#[derive(Debug, Clone, Copy)]
pub struct TicketView {
    pub session: Session,
    pub id: Uuid,
    /// The ticket as last read or returned by a change.
    pub ticket: RwSignal<TicketDto>,
    /// The stages of the ticket's workflow, for their names.
    pub stages: StoredValue<Vec<StageDto>>,
    /// Bumped after every change.
    pub changes: RwSignal<u32>,
}

impl TicketView {
    /// A change answered with the new ticket: show it, and read the rest again.
    /// The answers to changes carry no names: those read with the page stay, but
    /// for the technician's when another was assigned.
    pub fn changed(&self, mut ticket: TicketDto) {
        if ticket.names.is_none() {
            let technician = ticket.technician_id;
            ticket.names = self.ticket.with_untracked(|old| {
                old.names.clone().map(|mut names| {
                    if old.technician_id != technician {
                        names.technician_name = None;
                    }
                    names
                })
            });
        }
        self.ticket.try_set(ticket);
        self.changes.try_update(|n| *n += 1);
    }

    /// Reads the ticket again (after someone else changed it), then the rest.
    pub fn reload(self) {
        leptos::task::spawn_local(async move {
            if let Ok(ticket) = api::reference::ticket(self.session, self.id).await {
                self.changed(ticket);
            }
        });
    }

    /// A change refused: the problem goes to the form; if someone else changed the
    /// ticket meanwhile (412), it is read again so the page shows it as it is now.
    pub fn refused(self, form: RwSignal<Option<Problem>>, problem: Problem) {
        if problem.status == 412 {
            self.reload();
        }
        form.try_set(Some(problem));
    }

    /// A stage's name in the reader's language (else English, else its code).
    pub fn stage_name(&self, i18n: I18n, code: &str) -> String {
        let locale = i18n.locale();
        self.stages.with_value(|stages| {
            stages
                .iter()
                .find(|s| s.code == code)
                .and_then(|s| s.names.get(locale.code()).or_else(|| s.names.get("en")).cloned())
                .unwrap_or_else(|| code.to_owned())
        })
    }
}

#[component]
pub fn TicketPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| Uuid::parse_str(&id).ok())));
    let loaded = LocalResource::new(move || async move {
        let Some(id) = id.get() else {
            return Err(not_found());
        };
        let ticket = api::reference::ticket(session, id).await?;
        // Without the workflow the stages show by their codes.
        let stages = api::reference::workflow(session, ticket.kind).await.map(|w| w.stages).unwrap_or_default();
        Ok::<_, ApiError>((ticket, stages))
    });
    view! {
        <section class="page ticket-page">
            <Transition fallback=|| view! { <p class="muted">{t("table.loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorsView errors /> }>
                    {move || Suspend::new(async move {
                        loaded.await.map(|(ticket, stages)| view! { <TicketScreen session ticket stages /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

/// The answer for an address whose id is not a ticket id.
fn not_found() -> ApiError {
    ApiError {
        problem: Problem {
            problem_type: "about:blank".to_owned(),
            title: "Not found".to_owned(),
            status: 404,
            code: "not_found".to_owned(),
            detail: None,
            errors: Vec::new(),
        },
    }
}

/// The sections, top to bottom. Later sections (labour, parts, callback) go here.
#[component]
fn TicketScreen(session: Session, ticket: TicketDto, stages: Vec<StageDto>) -> impl IntoView {
    let view = TicketView {
        session,
        id: ticket.id,
        ticket: RwSignal::new(ticket),
        stages: StoredValue::new(stages),
        changes: RwSignal::new(0),
    };
    view! {
        <FactsSection view />
        <TransitionsSection view />
        <attachments::AttachmentsSection view />
        <review::ReviewSection view />
        <DispatchSection view />
        <parts::PartsSection view />
        <WorkRecordSection view />
        <LabourSection view />
        <CallbackSection view />
        <ComplaintsSection view />
        <TimelineSection view />
    }
}
