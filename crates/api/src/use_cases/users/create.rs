//! Create a user in one of the actor's branches.
use actix_web::http::StatusCode;
use aftersales_api_types::users::{CreateUser, UserDto};
use aftersales_domain::access::Permission;
use aftersales_domain::access::Role;
use aftersales_persistence::{ConnectionTrait, DatabaseConnection, StoreError, partners, users};
use uuid::Uuid;

use super::{check_partner_staff, skill_ids};
use crate::audit::{Change, snapshot};
use crate::auth::Principal;
use crate::auth::passwords::Passwords;
use crate::dto;
use crate::error::ApiError;
use crate::use_cases::access::ensure_branch_in_scope;
use crate::use_cases::{Actor, Begun, Once, Work};

/// A partner's own staff: the partner must be in the caller's part of the network,
/// and they are its staff by [`check_partner_staff`]'s rule (what they may do is
/// narrowed further by the partner's kind).
async fn partner_staff(
    db: &impl ConnectionTrait,
    me: &Principal,
    partner_id: Uuid,
    branch_id: Uuid,
    roles: &[Role],
) -> Result<(), ApiError> {
    let partner = match partners::find_in_scope(db, &me.scope, partner_id).await {
        Err(StoreError::NotFound) => {
            return Err(ApiError::field(
                "partner_id",
                "unknown_partner",
                "no such partner in your part of the network",
            ));
        }
        other => other?,
    };
    check_partner_staff(partner.branch_id, Some(branch_id), Some(roles))
}

/// 409 when the username is taken; an unknown skill code is a field error.
pub async fn create(
    db: &DatabaseConnection,
    passwords: &Passwords,
    actor: &Actor,
    body: CreateUser,
) -> Result<Once<UserDto>, ApiError> {
    let me = &actor.me;
    me.require(Permission::ManageUsers)?;
    // A retry is recognised without the password: a fast hash of it would be kept
    // beside the key for two days. (The same key with another password replays the
    // user made with the first.)
    let mut asked = serde_json::to_value(&body).map_err(|e| ApiError::Internal(e.into()))?;
    if let Some(fields) = asked.as_object_mut() {
        fields.remove("password");
    }
    // Hash before the transaction: it is slow and needs no lock.
    let password_hash = passwords.hash(body.password).await?;
    let work = match Work::begin_retryable(db, actor, &asked).await? {
        Begun::Fresh(work) => work,
        Begun::Replayed(first) => return Ok(Once::Replayed(first)),
    };
    let txn = work.db();
    ensure_branch_in_scope(txn, &me.scope, body.branch_id).await?;
    if let Some(partner_id) = body.partner_id {
        let roles: Vec<Role> = body.roles.iter().copied().map(dto::role_in).collect();
        partner_staff(txn, me, partner_id, body.branch_id, &roles).await?;
    }
    let new = users::NewUser {
        id: Uuid::now_v7(),
        branch_id: body.branch_id,
        username: body.username,
        display_name: body.display_name.trim().to_owned(),
        email: body.email,
        phone: body.phone,
        password_hash,
        roles: body.roles.into_iter().map(dto::role_in).collect(),
        skill_ids: skill_ids(txn, &body.skills).await?,
        locale: dto::locale_in(body.locale),
        partner_id: body.partner_id,
    };
    let user = users::insert(txn, new, work.now()).await?;
    let out = dto::user_out(&user);
    work.audit(Change {
        action: "user.create",
        entity: "user",
        entity_id: user.id.uuid(),
        branch_id: Some(user.branch_id.uuid()),
        before: None,
        after: snapshot(&out),
    })
    .await?;
    work.finish(StatusCode::CREATED, out).await
}
