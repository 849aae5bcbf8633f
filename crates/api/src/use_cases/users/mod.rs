//! Users: the people who sign in, their roles and skills. One file per use case;
//! what they share is here.
pub mod create;
pub mod get;
pub mod list;
pub mod update;

use aftersales_domain::access::Role;
use aftersales_domain::partners::PartnerKind;
use aftersales_persistence::{ConnectionTrait, skills};
use uuid::Uuid;

use crate::error::ApiError;

/// A partner's own staff stay in the partner's branch and hold only the roles
/// such staff may hold ([`PartnerKind::staff_role`]); what is not changed is `None`.
fn check_partner_staff(partner_branch: Uuid, branch_id: Option<Uuid>, roles: Option<&[Role]>) -> Result<(), ApiError> {
    if branch_id.is_some_and(|b| b != partner_branch) {
        return Err(ApiError::field(
            "branch_id",
            "not_partners_branch",
            "a partner's staff belong to the partner's branch",
        ));
    }
    if roles.is_some_and(|r| !r.iter().all(|r| PartnerKind::staff_role(*r))) {
        return Err(ApiError::field("roles", "partner_roles", "a partner's staff may be clerks and technicians only"));
    }
    Ok(())
}

/// Skill codes to ids; an unknown code is a field error.
async fn skill_ids(db: &impl ConnectionTrait, codes: &[String]) -> Result<Vec<Uuid>, ApiError> {
    skills::ids_for_codes(db, codes)
        .await?
        .map_err(|code| ApiError::field("skills", "unknown_skill", format!("there is no skill with code '{code}'")))
}
