//! Users: the people who sign in, with their roles and skills.
use aftersales_domain::access::Role;
use aftersales_domain::organisation::{BranchScope, Locale, User};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::entities::users::{ActiveModel, Column, Entity, Model};
use crate::entities::{branches, partners, skills, user_skills};
use crate::versioned::{Expect, update_if_unchanged};
use crate::{StoreError, fetch_size, text};

const USERNAME_TAKEN: &str = "a user with this username already exists";

pub struct NewUser {
    pub id: Uuid,
    pub branch_id: Uuid,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub password_hash: String,
    pub roles: Vec<Role>,
    pub skill_ids: Vec<Uuid>,
    pub locale: Locale,
    pub partner_id: Option<Uuid>,
}

/// Fields to change; `None` leaves a field as it is (`Some(None)` clears).
#[derive(Default)]
pub struct UserChanges {
    pub display_name: Option<String>,
    pub email: Option<Option<String>>,
    pub phone: Option<Option<String>>,
    pub branch_id: Option<Uuid>,
    pub roles: Option<Vec<Role>>,
    pub skill_ids: Option<Vec<Uuid>>,
    pub locale: Option<Locale>,
    pub active: Option<bool>,
    pub password_hash: Option<String>,
}

pub struct UserFilter {
    pub branch_id: Option<Uuid>,
    /// Only the network's own people, not partners' staff.
    pub network_only: bool,
    pub role: Option<Role>,
    pub active: Option<bool>,
    pub q: Option<String>,
    /// Keyset cursor: the username of the last user of the previous page.
    pub after_username: Option<String>,
    pub limit: u32,
}

/// What sign-in needs: the user and their password hash.
pub struct Credentials {
    pub user: User,
    pub password_hash: String,
}

fn encode_roles(roles: &[Role]) -> String {
    let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    format!("[{}]", names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(","))
}

fn decode_roles(raw: &str) -> Vec<Role> {
    let names: Vec<String> = serde_json::from_str(raw).unwrap_or_default();
    names.iter().filter_map(|n| Role::parse(n)).collect()
}

fn to_domain(m: Model, skills: Vec<String>) -> User {
    User {
        id: m.id.into(),
        branch_id: m.branch_id.into(),
        username: m.username,
        display_name: m.display_name,
        email: m.email,
        phone: m.phone,
        roles: decode_roles(&m.roles),
        skills,
        locale: Locale::parse(&m.locale).unwrap_or_default(),
        active: m.active,
        partner_id: m.partner_id,
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    }
}

async fn skill_codes(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<String>, StoreError> {
    let links = user_skills::Entity::find().filter(user_skills::Column::UserId.eq(user_id)).all(db).await?;
    if links.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = links.into_iter().map(|l| l.skill_id).collect();
    let rows =
        skills::Entity::find().filter(skills::Column::Id.is_in(ids)).order_by_asc(skills::Column::Code).all(db).await?;
    Ok(rows.into_iter().map(|s| s.code).collect())
}

async fn with_skills(db: &impl ConnectionTrait, m: Model) -> Result<User, StoreError> {
    let skills = skill_codes(db, m.id).await?;
    Ok(to_domain(m, skills))
}

async fn replace_skills(db: &impl ConnectionTrait, user_id: Uuid, skill_ids: &[Uuid]) -> Result<(), StoreError> {
    user_skills::Entity::delete_many().filter(user_skills::Column::UserId.eq(user_id)).exec(db).await?;
    for skill_id in skill_ids {
        user_skills::ActiveModel { user_id: Set(user_id), skill_id: Set(*skill_id) }.insert(db).await?;
    }
    Ok(())
}

pub async fn insert(db: &impl ConnectionTrait, new: NewUser, now: DateTime<Utc>) -> Result<User, StoreError> {
    ActiveModel {
        id: Set(new.id),
        branch_id: Set(new.branch_id),
        username: Set(new.username),
        display_name: Set(new.display_name),
        email: Set(new.email),
        phone: Set(new.phone),
        password_hash: Set(new.password_hash),
        roles: Set(encode_roles(&new.roles)),
        locale: Set(new.locale.as_str().to_owned()),
        active: Set(true),
        partner_id: Set(new.partner_id),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from(e).explain_conflict(USERNAME_TAKEN))?;
    replace_skills(db, new.id, &new.skill_ids).await?;
    find(db, new.id).await
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<User, StoreError> {
    let model = Entity::find_by_id(id).one(db).await?.ok_or(StoreError::NotFound)?;
    with_skills(db, model).await
}

/// The user, if their branch lies within the scope; otherwise "not found".
/// The display names of the users `ids` (those that exist), in one query: what a
/// page shows for the people its records point at.
pub async fn display_names(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<std::collections::HashMap<Uuid, String>, StoreError> {
    let ids: std::collections::BTreeSet<Uuid> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    let rows: Vec<(Uuid, String)> = Entity::find()
        .select_only()
        .column(Column::Id)
        .column(Column::DisplayName)
        .filter(Column::Id.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

pub async fn find_in_scope(db: &impl ConnectionTrait, scope: &BranchScope, id: Uuid) -> Result<User, StoreError> {
    let user = find(db, id).await?;
    let path = crate::branches::path_of(db, user.branch_id.uuid()).await?;
    if scope.covers(&path) { Ok(user) } else { Err(StoreError::NotFound) }
}

pub async fn credentials(db: &impl ConnectionTrait, username: &str) -> Result<Option<Credentials>, StoreError> {
    let Some(model) = Entity::find().filter(Column::Username.eq(username)).one(db).await? else {
        return Ok(None);
    };
    let password_hash = model.password_hash.clone();
    Ok(Some(Credentials { user: with_skills(db, model).await?, password_hash }))
}

/// The user and the path of their branch: what every authenticated request needs.
/// What the access checks of a request need to know of a user.
#[derive(Debug, Clone)]
pub struct Access {
    pub roles: Vec<Role>,
    /// The user's branch and its path: the part of the network they see.
    pub scope: BranchScope,
    pub active: bool,
    /// The partner the user works for, if any: they see only its tickets.
    pub partner_id: Option<Uuid>,
}

/// The user's roles, branch scope and state, in one statement (the user joined to
/// their branch): it runs on every authenticated request, and the two look-ups it
/// replaced were most of what a request cost beyond its own work.
pub async fn access(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<Access>, StoreError> {
    let q = Query::select()
        .columns([
            (Entity, Column::Roles),
            (Entity, Column::BranchId),
            (Entity, Column::Active),
            (Entity, Column::PartnerId),
        ])
        .column((branches::Entity, branches::Column::Path))
        .from(Entity)
        .inner_join(
            branches::Entity,
            Expr::col((branches::Entity, branches::Column::Id)).equals((Entity, Column::BranchId)),
        )
        .and_where(Expr::col((Entity, Column::Id)).eq(id))
        .to_owned();
    let Some(row) = db.query_one(&q).await? else { return Ok(None) };
    let roles: String = row.try_get("", "roles")?;
    let branch_id: Uuid = row.try_get("", "branch_id")?;
    Ok(Some(Access {
        roles: decode_roles(&roles),
        scope: BranchScope { branch_id: branch_id.into(), path: row.try_get("", "path")? },
        active: row.try_get("", "active")?,
        partner_id: row.try_get("", "partner_id")?,
    }))
}

pub async fn list(db: &impl ConnectionTrait, scope: &BranchScope, filter: UserFilter) -> Result<Vec<User>, StoreError> {
    let in_scope = Query::select()
        .column(branches::Column::Id)
        .from(branches::Entity)
        .and_where(Expr::col(branches::Column::Path).like(format!("{}%", scope.path)))
        .to_owned();
    // A partner's technical user only names what its keys do: not staff to list.
    let technical = Query::select().column(partners::Column::UserId).from(partners::Entity).to_owned();
    let mut query =
        Entity::find().filter(Column::BranchId.in_subquery(in_scope)).filter(Column::Id.not_in_subquery(technical));
    if let Some(branch_id) = filter.branch_id {
        query = query.filter(Column::BranchId.eq(branch_id));
    }
    if let Some(role) = filter.role {
        query = query.filter(Column::Roles.contains(format!("\"{}\"", role.as_str())));
    }
    if let Some(active) = filter.active {
        query = query.filter(Column::Active.eq(active));
    }
    if filter.network_only {
        query = query.filter(Column::PartnerId.is_null());
    }
    if let Some(q) = filter.q.as_deref().filter(|q| !q.trim().is_empty()) {
        query = query.filter(text::contains_any(&[Column::Username, Column::DisplayName], q));
    }
    if let Some(after) = filter.after_username {
        query = query.filter(Condition::all().add(Column::Username.gt(after)));
    }
    let rows = query.order_by_asc(Column::Username).limit(fetch_size(filter.limit)).all(db).await?;
    let mut users = Vec::with_capacity(rows.len());
    for row in rows {
        users.push(with_skills(db, row).await?);
    }
    Ok(users)
}

/// Applies `changes` if the user is still at `expected_version` (when given).
pub async fn update(
    db: &impl ConnectionTrait,
    current: &User,
    expected_version: Option<i64>,
    changes: UserChanges,
    now: DateTime<Utc>,
) -> Result<User, StoreError> {
    let mut model = ActiveModel { id: Set(current.id.uuid()), ..Default::default() };
    if let Some(v) = changes.display_name {
        model.display_name = Set(v);
    }
    if let Some(v) = changes.email {
        model.email = Set(v);
    }
    if let Some(v) = changes.phone {
        model.phone = Set(v);
    }
    if let Some(v) = changes.branch_id {
        model.branch_id = Set(v);
    }
    if let Some(v) = &changes.roles {
        model.roles = Set(encode_roles(v));
    }
    if let Some(v) = changes.locale {
        model.locale = Set(v.as_str().to_owned());
    }
    if let Some(v) = changes.active {
        model.active = Set(v);
    }
    if let Some(v) = changes.password_hash {
        model.password_hash = Set(v);
    }
    model.updated_at = Set(now);
    model.version = Set(current.version + 1);
    let expect = Expect {
        id: (Column::Id, current.id.uuid()),
        version: (Column::Version, current.version),
        client_version: expected_version,
    };
    update_if_unchanged(db, model, expect).await?;
    if let Some(skill_ids) = changes.skill_ids {
        replace_skills(db, current.id.uuid(), &skill_ids).await?;
    }
    find(db, current.id.uuid()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_survive_the_round_trip_through_the_column() {
        let roles = vec![Role::Clerk, Role::Dispatcher];
        assert_eq!(decode_roles(&encode_roles(&roles)), roles);
        assert_eq!(decode_roles("[]"), Vec::<Role>::new());
    }
}
