//! The harness's ceilings (`scripts/bench/run.sh`), compiled only with the cargo
//! feature `bench`, never into a normal build.
//!
//! A workload is the request wrk sends: a method, a path and a body. [`Call`]
//! reads one into the use case it reaches, and runs it as the administrator
//! without anything in front of it. Two ceilings use that:
//! - the bare endpoint ([`bare`]): the same request at `/bench/bare/<path>`,
//!   served without the bearer token's check and the user's re-reading, the
//!   extractors' validation, or the JSON error shaping — what HTTP alone costs
//!   beside the same statements;
//! - the statement loop ([`statements`]): the same use case called in a loop in
//!   this process at the same concurrency, without HTTP at all — what the
//!   database and our statements allow.
//!
//! Both run exactly the statements the real endpoint runs, because they call the
//! same use case: the ratio between them and the real endpoint is our overhead.
pub mod bare;
pub mod statements;

use aftersales_api_types::dashboard::DashboardQuery;
use aftersales_api_types::entitlement::EvaluateRequest;
use aftersales_api_types::ticket_parts::TicketPartQuantity;
use aftersales_api_types::ticket_reports::TicketVolumeQuery;
use aftersales_api_types::tickets::{CreateTicket, TicketQuery};
use aftersales_api_types::tracking::LangQuery;
use aftersales_persistence::{DatabaseConnection, users};
use anyhow::{Context, anyhow, bail};
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::extract::RequestId;
use crate::use_cases::{self, Actor, Once};

/// One request of a workload, read into the use case it reaches.
#[derive(Debug, Clone)]
pub enum Call {
    WarrantyCheck(EvaluateRequest),
    Intake(Box<CreateTicket>),
    TicketList(TicketQuery),
    TicketDetail(Uuid),
    TicketTimeline(Uuid),
    Dashboard(DashboardQuery),
    PublicTracking(String),
    IssuePart(Uuid, TicketPartQuantity),
    TicketVolume(TicketVolumeQuery),
}

impl Call {
    /// Reads a request of one of the harness's workloads (`path` may carry a query).
    pub fn parse(method: &str, path: &str, body: &[u8]) -> anyhow::Result<Call> {
        let (route, query) = path.split_once('?').unwrap_or((path, ""));
        let segments: Vec<&str> = route.trim_matches('/').split('/').collect();
        let id = |i: usize| -> anyhow::Result<Uuid> {
            segments.get(i).context("the path is too short")?.parse().context("not a uuid in the path")
        };
        Ok(match (method, &segments[..]) {
            ("POST", ["api", "v1", "warranty", "evaluate"]) => Call::WarrantyCheck(json(body)?),
            ("POST", ["api", "v1", "tickets"]) => Call::Intake(Box::new(json(body)?)),
            ("GET", ["api", "v1", "tickets"]) => Call::TicketList(serde_urlencoded::from_str(query)?),
            ("GET", ["api", "v1", "tickets", _]) => Call::TicketDetail(id(3)?),
            ("GET", ["api", "v1", "tickets", _, "timeline"]) => Call::TicketTimeline(id(3)?),
            ("GET", ["api", "v1", "dashboard"]) => Call::Dashboard(serde_urlencoded::from_str(query)?),
            ("GET", ["api", "v1", "public", "track", code]) => Call::PublicTracking((*code).to_owned()),
            ("POST", ["api", "v1", "tickets", _, "parts", "issue"]) => Call::IssuePart(id(3)?, json(body)?),
            ("GET", ["api", "v1", "reports", "ticket-volume"]) => {
                Call::TicketVolume(serde_urlencoded::from_str(query)?)
            }
            _ => bail!("{method} {route} is not one of the harness's workloads"),
        })
    }

    /// Runs the use case as `admin`; with `serialize`, answers its JSON as the
    /// endpoint would send it.
    pub async fn run(&self, db: &DatabaseConnection, admin: &Principal, serialize: bool) -> Result<Vec<u8>, ApiError> {
        use use_cases::tickets as t;
        let out = |value: &dyn erased::Json| if serialize { value.bytes() } else { Vec::new() };
        Ok(match self.clone() {
            Call::WarrantyCheck(body) => out(&use_cases::warranty::evaluate::evaluate(db, body).await?),
            Call::Intake(body) => match t::take_in::take_in(db, &actor(admin), *body).await? {
                Once::Done(ticket) => out(&ticket),
                Once::Replayed(first) => first.body.into_bytes(),
            },
            Call::TicketList(query) => out(&t::list::list(db, admin, query).await?),
            Call::TicketDetail(id) => out(&t::get::get(db, admin, id).await?),
            Call::TicketTimeline(id) => out(&t::timeline::timeline(db, admin, id).await?),
            Call::Dashboard(query) => out(&use_cases::dashboard::summary::summary(db, admin, query).await?),
            Call::PublicTracking(code) => {
                out(&use_cases::tracking::track::track(db, &code, LangQuery::default()).await?)
            }
            Call::IssuePart(ticket, body) => match t::parts::issue::issue(db, &actor(admin), ticket, body).await? {
                Once::Done(change) => out(&change),
                Once::Replayed(first) => first.body.into_bytes(),
            },
            Call::TicketVolume(query) => out(&use_cases::reports::ticket_volume::report(db, admin, query).await?),
        })
    }
}

/// The administrator the ceilings act as (the harness signs in as `admin` too).
pub async fn admin(db: &DatabaseConnection) -> anyhow::Result<Principal> {
    let user = users::credentials(db, "admin").await?.ok_or_else(|| anyhow!("there is no user 'admin'"))?.user;
    Principal::of_user(db, user.id.uuid()).await.map_err(|e| anyhow!("{e}"))
}

fn actor(admin: &Principal) -> Actor {
    Actor::once(admin.clone(), RequestId("bench".into()))
}

fn json<T: DeserializeOwned>(body: &[u8]) -> anyhow::Result<T> {
    serde_json::from_slice(body).context("the body is not the workload's JSON")
}

/// Serialising answers of different types behind one reference.
mod erased {
    pub trait Json {
        fn bytes(&self) -> Vec<u8>;
    }

    impl<T: super::Serialize> Json for T {
        fn bytes(&self) -> Vec<u8> {
            serde_json::to_vec(self).unwrap_or_default()
        }
    }
}
