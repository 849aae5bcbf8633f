//! Change a user: details, branch, roles, skills, password, or disable them.
use aftersales_api_types::users::{UpdateUser, UserDto};
use aftersales_domain::access::{Permission, Role};
use aftersales_persistence::{DatabaseConnection, refresh_tokens, users};
use uuid::Uuid;

use super::{check_partner_staff, skill_ids};
use crate::audit::{Change, snapshot};
use crate::auth::passwords::Passwords;
use crate::dto;
use crate::error::{ApiError, NotFoundAs};
use crate::use_cases::access::ensure_branch_in_scope;
use crate::use_cases::{Actor, Work};

/// Disabling a user or setting a new password signs them out everywhere. Actors
/// cannot disable themselves or take away their own admin role (409); 412 when
/// the user is no longer at `expected` version.
pub async fn update(
    db: &DatabaseConnection,
    passwords: &Passwords,
    actor: &Actor,
    id: Uuid,
    expected: Option<i64>,
    body: UpdateUser,
) -> Result<UserDto, ApiError> {
    let me = &actor.me;
    me.require(Permission::ManageUsers)?;
    let roles: Option<Vec<Role>> = body.roles.map(|r| r.into_iter().map(dto::role_in).collect());
    if id == me.user_id {
        if body.active == Some(false) {
            return Err(ApiError::Conflict("you cannot disable your own account".into()));
        }
        if roles.as_ref().is_some_and(|r| !r.contains(&Role::Admin)) && me.roles.contains(&Role::Admin) {
            return Err(ApiError::Conflict("you cannot take away your own admin role".into()));
        }
    }
    // Hash before the transaction: it is slow and needs no lock.
    let password_hash = match body.password {
        Some(p) => Some(passwords.hash(p).await?),
        None => None,
    };
    let work = Work::begin(db, actor).await?;
    let txn = work.db();
    let current = users::find_in_scope(txn, &me.scope, id).await.or_not_found("user")?;
    if let Some(branch_id) = body.branch_id {
        ensure_branch_in_scope(txn, &me.scope, branch_id).await?;
    }
    if current.partner_id.is_some() {
        check_partner_staff(current.branch_id.uuid(), body.branch_id, roles.as_deref())?;
    }
    let skill_ids = match &body.skills {
        Some(codes) => Some(skill_ids(txn, codes).await?),
        None => None,
    };
    let signs_out = password_hash.is_some() || body.active == Some(false);
    let changes = users::UserChanges {
        display_name: body.display_name.map(|n| n.trim().to_owned()),
        email: body.email,
        phone: body.phone,
        branch_id: body.branch_id,
        roles,
        skill_ids,
        locale: body.locale.map(dto::locale_in),
        active: body.active,
        password_hash,
    };
    let updated = users::update(txn, &current, expected, changes, work.now()).await?;
    if signs_out {
        refresh_tokens::revoke_all_of_user(txn, updated.id.uuid(), work.now()).await?;
    }
    let out = dto::user_out(&updated);
    work.audit(Change {
        action: "user.update",
        entity: "user",
        entity_id: updated.id.uuid(),
        branch_id: Some(updated.branch_id.uuid()),
        before: snapshot(&dto::user_out(&current)),
        after: snapshot(&out),
    })
    .await?;
    work.commit().await?;
    Ok(out)
}
