//! Follow a ticket with its tracking code, without signing in.
use aftersales_api_types::tracking::{LangQuery, PublicTracking};
use aftersales_domain::tickets::tracking::{ALPHABET, CODE_LENGTH, normalize_code};
use aftersales_persistence::tickets::{self, events};
use aftersales_persistence::{DatabaseConnection, branches, workflows};

use crate::error::ApiError;
use crate::use_cases::tickets::public_track::public_view;
use crate::use_cases::tickets::tracking::hash_code;

/// The code is read as people type it; an unknown code and a malformed one get
/// the same 404. (Limiting look-ups per address is the caller's.)
pub async fn track(db: &DatabaseConnection, code: &str, query: LangQuery) -> Result<PublicTracking, ApiError> {
    let unknown = || ApiError::NotFound("no ticket has this tracking code".into());
    // The code's shape is public, so refusing a malformed one before the look-up
    // tells nothing; a well-formed one is found by its hash only.
    let typed = normalize_code(code);
    if typed.len() != CODE_LENGTH || !typed.bytes().all(|b| ALPHABET.contains(&b)) {
        return Err(unknown());
    }
    let ticket = tickets::find_by_tracking_hash(db, &hash_code(&typed)).await?.ok_or_else(unknown)?;
    let workflow = workflows::get(db, ticket.kind).await?.workflow;
    let changes = events::stage_changes(db, ticket.id.uuid()).await?;
    let branch = branches::find(db, ticket.branch_id.uuid()).await?;
    public_view(&ticket, &workflow, &changes, &branch, query.lang.unwrap_or_default())
}
