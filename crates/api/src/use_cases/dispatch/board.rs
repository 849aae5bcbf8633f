//! The dispatch board of a branch for one day in the branch's time zone.
use aftersales_api_types::dispatch::{BoardQuery, BoardTechnician, DispatchBoard};
use aftersales_domain::access::Role;
use aftersales_persistence::tickets::{Ticket, dispatch, names};
use aftersales_persistence::users::{self, UserFilter};
use aftersales_persistence::{DatabaseConnection, StoreError, branches, settings};
use chrono::Utc;

use super::{day_at, day_span, job_out};
use crate::auth::Principal;
use crate::error::ApiError;

/// Technicians listed on one board at most.
const MAX_TECHNICIANS: usize = 200;
/// Unassigned tickets listed at most.
const MAX_UNASSIGNED: u64 = 100;

/// Every active technician of the branch with their jobs that day (tickets not
/// closed whose appointment starts that day, wherever they are) and their load
/// against the daily limit, and the branch's unfinished tickets nobody is assigned
/// to, oldest first.
pub async fn board(db: &DatabaseConnection, me: &Principal, query: BoardQuery) -> Result<DispatchBoard, ApiError> {
    let branch = match branches::find_in_scope(db, &me.scope, query.branch_id).await {
        Ok(branch) => branch,
        Err(StoreError::NotFound) => {
            return Err(ApiError::field("branch_id", "unknown_branch", "no such branch in your part of the network"));
        }
        Err(e) => return Err(e.into()),
    };
    let date = query.date.unwrap_or_else(|| day_at(&branch, Utc::now()));
    let (from, to) = day_span(&branch, date)?;
    let filter = UserFilter {
        branch_id: Some(branch.id.uuid()),
        role: Some(Role::Technician),
        // A partner's own technicians work the tickets given to the partner, not the board's.
        network_only: true,
        active: Some(true),
        q: None,
        after_username: None,
        limit: MAX_TECHNICIANS as u32,
    };
    let mut people = users::list(db, &me.scope, filter).await?;
    people.truncate(MAX_TECHNICIANS);
    let ids: Vec<_> = people.iter().map(|u| u.id.uuid()).collect();
    let jobs = dispatch::assigned_between(db, &ids, from, to).await?;
    let limit = settings::tickets(db).await?.technician_daily_jobs;
    let (waiting, unassigned_total) = dispatch::unassigned_of_branch(db, branch.id.uuid(), MAX_UNASSIGNED).await?;
    // Every card's customer name in one query, not one look-up per card.
    let on_board: Vec<_> = jobs.iter().chain(&waiting).map(|t| t.id.uuid()).collect();
    let names = names::of_tickets(db, &on_board).await?;
    let card = |t: &Ticket| job_out(t, names.get(&t.id.uuid()).map(|n| n.customer_name.clone()).unwrap_or_default());
    let technicians = people
        .into_iter()
        .map(|person| {
            let theirs: Vec<_> = jobs.iter().filter(|t| t.technician_id == Some(person.id)).map(card).collect();
            BoardTechnician {
                technician_id: person.id.uuid(),
                username: person.username,
                display_name: person.display_name,
                skills: person.skills,
                load: u32::try_from(theirs.len()).unwrap_or(u32::MAX),
                limit,
                jobs: theirs,
            }
        })
        .collect();
    Ok(DispatchBoard {
        branch_id: branch.id.uuid(),
        date,
        time_zone: branch.time_zone,
        technicians,
        unassigned: waiting.iter().map(card).collect(),
        unassigned_total,
    })
}
