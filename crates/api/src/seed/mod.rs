//! Demo data and the first user: what `seed-demo` and `admin create-user` write.
mod customers;
mod parts;
mod serials;
mod ticket_work;
pub mod volume;

use aftersales_domain::access::Role;
use aftersales_domain::branch_tree::{child_path, root_path};
use aftersales_domain::money::Currency;
use aftersales_domain::organisation::{Branch, BranchKind, Locale, User};
use aftersales_persistence::{ConnectionTrait, DatabaseConnection, begin_write, branches, skills, users};
use anyhow::Context;
use chrono::Utc;
use uuid::Uuid;

use crate::audit::{self, Change, snapshot};
use crate::auth::passwords::hash_now;
use crate::dto;
use crate::extract::RequestId;

mod catalogue;

/// Every demo user signs in with this password.
pub const DEMO_PASSWORD: &str = "demo-password";

pub struct DemoUser {
    pub username: &'static str,
    pub display_name: &'static str,
    pub branch: &'static str,
    pub roles: &'static [Role],
    pub skills: &'static [&'static str],
}

const fn user(
    username: &'static str,
    display_name: &'static str,
    branch: &'static str,
    roles: &'static [Role],
    skills: &'static [&'static str],
) -> DemoUser {
    DemoUser { username, display_name, branch, roles, skills }
}

/// The demo users, one per job, mostly at one Hà Nội outlet.
pub const DEMO_USERS: [DemoUser; 7] = [
    user("admin", "Demo Admin", "HQ", &[Role::Admin], &[]),
    user("manager.hn", "Trần Thị Mai", "RC-HN", &[Role::Manager], &[]),
    user("clerk.hn01", "Lê Văn Bình", "HN01", &[Role::Clerk], &[]),
    user("dispatcher.hn01", "Phạm Thu Hà", "HN01", &[Role::Dispatcher], &[]),
    user("tech.hn01", "Nguyễn Văn An", "HN01", &[Role::Technician], &["air_conditioner", "refrigerator"]),
    user("warehouse.hn01", "Đỗ Minh Tuấn", "HN01", &[Role::Warehouse], &[]),
    user("clerk.teh01", "مریم احمدی", "TEH01", &[Role::Clerk], &[]),
];

struct DemoBranch {
    code: &'static str,
    name: &'static str,
    kind: BranchKind,
    parent: Option<&'static str>,
    time_zone: &'static str,
    currency: &'static str,
}

const fn branch(
    code: &'static str,
    name: &'static str,
    kind: BranchKind,
    parent: Option<&'static str>,
    time_zone: &'static str,
    currency: &'static str,
) -> DemoBranch {
    DemoBranch { code, name, kind, parent, time_zone, currency }
}

const DEMO_BRANCHES: [DemoBranch; 6] = [
    branch("HQ", "Aftersales Head Office", BranchKind::Hq, None, "Asia/Ho_Chi_Minh", "VND"),
    branch("RC-HN", "Trung tâm miền Bắc (Hà Nội)", BranchKind::Regional, Some("HQ"), "Asia/Ho_Chi_Minh", "VND"),
    branch("HN01", "Hà Nội — Cầu Giấy", BranchKind::Outlet, Some("RC-HN"), "Asia/Ho_Chi_Minh", "VND"),
    branch("HN02", "Hà Nội — Long Biên", BranchKind::Outlet, Some("RC-HN"), "Asia/Ho_Chi_Minh", "VND"),
    branch("TEH01", "تهران — ونک", BranchKind::Outlet, Some("HQ"), "Asia/Tehran", "IRR"),
    branch("SH01", "上海 — 浦东", BranchKind::Outlet, Some("HQ"), "Asia/Shanghai", "CNY"),
];

const DEMO_SKILLS: [(&str, &str); 4] = [
    ("air_conditioner", "Air conditioners"),
    ("refrigerator", "Refrigerators"),
    ("washing_machine", "Washing machines"),
    ("television", "Televisions"),
];

fn system() -> RequestId {
    RequestId("seed".into())
}

async fn insert_branch(
    db: &impl ConnectionTrait,
    code: &str,
    name: &str,
    kind: BranchKind,
    parent: Option<&Branch>,
    time_zone: &str,
    currency: &str,
) -> anyhow::Result<Branch> {
    let id = Uuid::now_v7();
    let path = parent.map_or_else(|| root_path(id), |p| child_path(&p.path, id));
    let branch = branches::insert(
        db,
        branches::NewBranch {
            id,
            parent_id: (parent.map(|p| p.id)).map(uuid::Uuid::from),
            path,
            code: code.into(),
            name: name.into(),
            kind,
            time_zone: time_zone.into(),
            currency: Currency::parse(currency).context("demo currency")?,
        },
        Utc::now(),
    )
    .await?;
    let change = Change {
        action: "branch.create",
        entity: "branch",
        entity_id: id,
        branch_id: Some(id),
        before: None,
        after: snapshot(&dto::branch_out(&branch)),
    };
    audit::record(db, None, &system(), change).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(branch)
}

async fn insert_user(
    db: &impl ConnectionTrait,
    username: &str,
    display_name: &str,
    branch: &Branch,
    roles: &[Role],
    skill_ids: Vec<Uuid>,
    password_hash: String,
) -> anyhow::Result<User> {
    let user = users::insert(
        db,
        users::NewUser {
            id: Uuid::now_v7(),
            branch_id: branch.id.uuid(),
            username: username.into(),
            display_name: display_name.into(),
            email: None,
            phone: None,
            password_hash,
            roles: roles.to_vec(),
            skill_ids,
            partner_id: None,
            locale: match branch.currency.code() {
                "VND" => Locale::Vi,
                "IRR" => Locale::Fa,
                "CNY" => Locale::Zh,
                _ => Locale::En,
            },
        },
        Utc::now(),
    )
    .await
    .with_context(|| format!("creating user {username}"))?;
    let change = Change {
        action: "user.create",
        entity: "user",
        entity_id: user.id.uuid(),
        branch_id: Some(branch.id.uuid()),
        before: None,
        after: snapshot(&dto::user_out(&user)),
    };
    audit::record(db, None, &system(), change).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(user)
}

const ALREADY_LOADED: &str = "the database already has branches; demo data not loaded";

/// Loads the demo once: the hand-made branches, users, catalogue and landmarks,
/// and a living network around them (a few hundred tickets in every stage, stock
/// on shelves and in vans, warranty policies, callbacks, complaints, old parts
/// owed), written by the volume generator. A second run changes nothing.
pub async fn seed_demo(db: &DatabaseConnection) -> anyhow::Result<String> {
    let Some(landmarks) = load_landmarks(db).await? else {
        return Ok(ALREADY_LOADED.into());
    };
    let (_, _, w) = volume::network(db, volume::Volume::demo()).await?;
    Ok(format!(
        "{landmarks}; around them {} tickets, {} more parts, {} more warehouses, {} stock movements \
         ending in {} balances",
        w.tickets, w.parts, w.warehouses, w.movements, w.balances
    ))
}

/// The hand-made demo alone, without the network around it: a known, small
/// starting point for tests that count what they add.
pub async fn seed_landmarks(db: &DatabaseConnection) -> anyhow::Result<String> {
    Ok(load_landmarks(db).await?.unwrap_or_else(|| ALREADY_LOADED.into()))
}

/// Writes the hand-made demo into an empty database and says what it wrote;
/// nothing when the database already has branches.
async fn load_landmarks(db: &DatabaseConnection) -> anyhow::Result<Option<String>> {
    if branches::count(db).await? > 0 {
        return Ok(None);
    }
    let password_hash = hash_now(DEMO_PASSWORD).map_err(|e| anyhow::anyhow!("{e}"))?;
    let txn = begin_write(db).await?;
    let mut created: Vec<Branch> = Vec::new();
    for b in DEMO_BRANCHES {
        let parent = b.parent.and_then(|p| created.iter().find(|c| c.code == p)).cloned();
        let branch = insert_branch(&txn, b.code, b.name, b.kind, parent.as_ref(), b.time_zone, b.currency).await?;
        created.push(branch);
    }
    let mut skill_rows = Vec::new();
    for (code, name) in DEMO_SKILLS {
        skill_rows.push(skills::insert(&txn, code.into(), name.into(), Utc::now()).await?);
    }
    for u in &DEMO_USERS {
        let branch = created.iter().find(|b| b.code == u.branch).context("demo branch missing")?;
        let skill_ids =
            skill_rows.iter().filter(|s| u.skills.contains(&s.code.as_str())).map(|s| s.id.uuid()).collect();
        insert_user(&txn, u.username, u.display_name, branch, u.roles, skill_ids, password_hash.clone()).await?;
    }
    let model_count = catalogue::seed_catalogue(&txn, &skill_rows).await?;
    let demo_customers = customers::seed(&txn, &created).await?;
    let customer_count = demo_customers.len();
    let serial_count = serials::seed(&txn, &demo_customers).await?;
    let (code_count, service_count) = ticket_work::seed(&txn).await?;
    let (part_count, warehouse_count) = parts::seed(&txn, &created).await?;
    txn.commit().await?;
    Ok(Some(format!(
        "loaded {} branches, {} skills, {} users, {model_count} product models, {customer_count} customers, \
         {serial_count} serials, {code_count} fault codes, {service_count} service items, {part_count} parts \
         and {warehouse_count} warehouses",
        created.len(),
        skill_rows.len(),
        DEMO_USERS.len()
    )))
}

/// Creates a user for `admin create-user`; on an empty database it first creates
/// the head office (code `HQ`, or the code given).
pub async fn create_user(
    db: &DatabaseConnection,
    username: &str,
    password: &str,
    display_name: Option<&str>,
    branch_code: Option<&str>,
    roles: &[Role],
) -> anyhow::Result<User> {
    let password_hash = hash_now(password).map_err(|e| anyhow::anyhow!("{e}"))?;
    let txn = begin_write(db).await?;
    let branch = if branches::count(&txn).await? == 0 {
        insert_branch(&txn, branch_code.unwrap_or("HQ"), "Head Office", BranchKind::Hq, None, "UTC", "USD").await?
    } else {
        let code = branch_code.unwrap_or("HQ");
        branches::find_by_code(&txn, code).await?.with_context(|| format!("no branch with code {code}"))?
    };
    let user = insert_user(
        &txn,
        &username.to_lowercase(),
        display_name.unwrap_or(username),
        &branch,
        roles,
        Vec::new(),
        password_hash,
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}
