//! Shared by the `/users` use cases.
use aftersales_persistence::{ConnectionTrait, skills};
use uuid::Uuid;

use crate::error::ApiError;

/// Skill codes to ids; an unknown code is a field error.
pub(crate) async fn skill_ids(db: &impl ConnectionTrait, codes: &[String]) -> Result<Vec<Uuid>, ApiError> {
    skills::ids_for_codes(db, codes)
        .await?
        .map_err(|code| ApiError::field("skills", "unknown_skill", format!("there is no skill with code '{code}'")))
}
