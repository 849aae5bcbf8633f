//! Users: the people who sign in, their roles and skills. One file per use case;
//! what they share is here.
pub mod create;
pub mod get;
pub mod list;
pub mod update;

use aftersales_persistence::{ConnectionTrait, skills};
use uuid::Uuid;

use crate::error::ApiError;

/// Skill codes to ids; an unknown code is a field error.
async fn skill_ids(db: &impl ConnectionTrait, codes: &[String]) -> Result<Vec<Uuid>, ApiError> {
    skills::ids_for_codes(db, codes)
        .await?
        .map_err(|code| ApiError::field("skills", "unknown_skill", format!("there is no skill with code '{code}'")))
}
